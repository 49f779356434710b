// NBC's official JS SDK (bakong-khqr, the version pinned for KhqrInteropTest) on KhqrBenchmark's
// payload, so the JMH numbers can be put next to the SDK's on the same machine.
//   (cd bakongpay-khqr/src/test/node && npm ci --no-audit --no-fund)
//   node benchmarks/sdk/sdk-bench.js
"use strict";
const path = require("path");
const { BakongKHQR, IndividualInfo, khqrData } = require(
  path.join(__dirname, "../../bakongpay-khqr/src/test/node/node_modules/bakong-khqr"));

const khqr = new BakongKHQR();
const info = () => new IndividualInfo("john_smith@devb", "John Smith", "Phnom Penh", {
  currency: khqrData.currency.usd, amount: 12.34, billNumber: "INV-0001", mobileNumber: "85512233455",
  storeLabel: "Coffee Shop", terminalLabel: "Cashier_1", purposeOfTransaction: "Buy coffee",
  expirationTimestamp: 4102444800000,
});
const qr = khqr.generateIndividual(info()).data.qr;

const cases = {
  generate: () => khqr.generateIndividual(info()),
  decode: () => BakongKHQR.decode(qr),
  verify: () => BakongKHQR.verify(qr),
};

// like JMH's defaults used in the README: warm up, then five 1-second rounds; report the median
function measure(fn) {
  let sink = 0;
  const round = () => {
    let n = 0;
    const start = process.hrtime.bigint();
    const end = start + 1_000_000_000n;
    let now = start;
    while (now < end) {
      for (let i = 0; i < 100; i++) sink += fn() ? 1 : 0;
      n += 100;
      now = process.hrtime.bigint();
    }
    return Number(now - start) / 1000 / n;
  };
  for (let i = 0; i < 3; i++) round();
  const rounds = [round(), round(), round(), round(), round()].sort((a, b) => a - b);
  return { median: rounds[2], min: rounds[0], max: rounds[4], sink };
}

for (const [name, fn] of Object.entries(cases)) {
  const r = measure(fn);
  console.log(`${name.padEnd(9)} ${r.median.toFixed(2)} us/op (rounds ${r.min.toFixed(2)}-${r.max.toFixed(2)})`);
}
