package dev.bakongpay.core.render.internal;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import dev.bakongpay.core.render.QrRenderException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The QR module matrix of a text, laid out on a square image of an exact pixel size: an integer
 * module size (never fractional, so edges stay sharp) and the remainder spread evenly as margin.
 * Internal: may change at any time.
 */
public final class ModuleGrid {

    /** The quiet zone the QR standard asks for, in modules; less is used only when it does not fit. */
    public static final int QUIET_ZONE = 4;

    // For text ByteModeSymbol does not take (digits or upper case only), ZXing builds the symbol once
    // with mask 0 and MaskSelector picks the real mask, much faster than ZXing's own choice.
    private static final Map<EncodeHintType, Object> ASCII = Map.of(EncodeHintType.QR_MASK_PATTERN, 0);
    private static final Map<EncodeHintType, Object> UTF8 =
            Map.of(EncodeHintType.QR_MASK_PATTERN, 0, EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());

    private final byte[][] dark;
    private final int modules;
    private final int moduleSize;
    private final int offset;
    private final int size;

    private ModuleGrid(byte[][] dark, int modules, int moduleSize, int offset, int size) {
        this.dark = dark;
        this.modules = modules;
        this.moduleSize = moduleSize;
        this.offset = offset;
        this.size = size;
    }

    /** Encodes at error correction level M and lays the matrix out on {@code size} × {@code size} pixels. */
    public static ModuleGrid encode(String content, int size) {
        if (content == null || content.isEmpty()) {
            throw new QrRenderException(
                    "content", QrRenderException.Problem.EMPTY_CONTENT, "content must not be empty");
        }
        byte[][] matrix;
        try {
            // Only non-ASCII text (Khmer names) gets the UTF-8 hint: it adds an ECI header that
            // readers need to decode the bytes right, and costs space that ASCII codes need not pay.
            boolean ascii = isAscii(content);
            if (ByteModeSymbol.handles(content)) {
                ByteModeSymbol.Built built = ByteModeSymbol.build(content, !ascii);
                matrix = MaskSelector.chooseUnmasked(built.unmasked(), built.version(), built.modules());
            } else { // digits or upper case only: ZXing's numeric and alphanumeric modes
                QRCode code = Encoder.encode(content, ErrorCorrectionLevel.M, ascii ? ASCII : UTF8);
                matrix = MaskSelector.choose(
                        code.getMatrix().getArray(), code.getVersion().getVersionNumber());
            }
        } catch (WriterException e) {
            throw new QrRenderException(
                    "content",
                    QrRenderException.Problem.CONTENT_TOO_LONG,
                    "content of " + content.length() + " characters does not fit in a QR code at error correction M");
        }
        int modules = matrix.length;
        if (modules > size) {
            throw new QrRenderException(
                    "size",
                    QrRenderException.Problem.SIZE_TOO_SMALL_FOR_CONTENT,
                    "size was " + size + " but this content needs at least " + modules + " pixels");
        }
        int moduleSize = Math.max(1, size / (modules + 2 * QUIET_ZONE));
        int offset = (size - modules * moduleSize) / 2;
        return new ModuleGrid(matrix, modules, moduleSize, offset, size);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** Row y of the matrix, 1 = dark; shared, do not modify. */
    byte[] row(int y) {
        return dark[y];
    }

    /** True when the module at column x, row y is dark. */
    public boolean isDark(int x, int y) {
        return dark[y][x] == 1;
    }

    /** Modules per side, quiet zone excluded. */
    public int modules() {
        return modules;
    }

    /** Pixels per module side. */
    public int moduleSize() {
        return moduleSize;
    }

    /** Pixels from the image's top-left corner to the first module, on both axes. */
    public int offset() {
        return offset;
    }

    /** Image width and height in pixels. */
    public int size() {
        return size;
    }
}
