// Called by KhqrInteropTest: node interop.js <in.json> <out.json>
// in:  {"verify": [{"qr", "now"}], "generate": [{"input": <SDK input>, "creationTimestamp"}],
//       "verdicts": [{"qr", "now"}]}  (corrupted strings: verify() only, decode() could hang)
// out: {"verify": [{"valid", "decoded"}], "generate": [{"qr", "md5", "decoded"} | {"error"}], "verdicts": [bool]}
// Date.now is pinned per call: the SDK reads it for the creation time and the expiry check.
"use strict";
const fs = require("fs");
const { BakongKHQR, IndividualInfo, MerchantInfo } = require("bakong-khqr");

const realNow = Date.now;
const [inPath, outPath] = process.argv.slice(2);
const job = JSON.parse(fs.readFileSync(inPath, "utf8"));

function at(ms, fn) {
  Date.now = () => ms;
  try { return fn(); } finally { Date.now = realNow; }
}

const verify = job.verify.map(({ qr, now }) => at(now, () => ({
  valid: BakongKHQR.verify(qr).isValid,
  decoded: BakongKHQR.decode(qr).data,
})));

const khqr = new BakongKHQR();
const generate = job.generate.map(({ input, creationTimestamp }) => at(creationTimestamp, () => {
  const o = input.optional || {};
  const result = input.type === "merchant"
    ? khqr.generateMerchant(new MerchantInfo(input.bakongAccountID, input.merchantName, input.merchantCity,
        input.merchantID, input.acquiringBank, o))
    : khqr.generateIndividual(new IndividualInfo(input.bakongAccountID, input.merchantName, input.merchantCity, o));
  if (!result || !result.status || result.status.code !== 0 || !result.data) {
    return { error: result && result.status ? result.status : String(result) };
  }
  return { qr: result.data.qr, md5: result.data.md5, decoded: BakongKHQR.decode(result.data.qr).data };
}));

const verdicts = (job.verdicts || []).map(({ qr, now }) => at(now, () => BakongKHQR.verify(qr).isValid));

fs.writeFileSync(outPath, JSON.stringify({ verify, generate, verdicts }));
