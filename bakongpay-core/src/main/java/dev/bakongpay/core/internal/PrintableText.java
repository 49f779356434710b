package dev.bakongpay.core.internal;

/** Text from outside (NBC's answers) made safe to log or to show in a reason. */
public final class PrintableText {
    private PrintableText() {}

    /** {@code s} with control, format, surrogate and line-separator characters replaced by {@code ?}, cut to {@code max}; "null" for null. */
    public static String of(String s, int max) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            b.append(
                    Character.isISOControl(c)
                                    || type == Character.FORMAT
                                    || type == Character.SURROGATE
                                    || type == Character.LINE_SEPARATOR
                                    || type == Character.PARAGRAPH_SEPARATOR
                            ? '?'
                            : c);
        }
        return s.length() > max ? b.append('…').toString() : b.toString();
    }
}
