package dev.bakongpay.core.render.internal;

import dev.bakongpay.core.render.QrColor;

/**
 * Writes a {@link ModuleGrid} as SVG: a background rectangle and one path whose sub-paths are
 * the horizontal runs of dark modules, in pixel coordinates. {@code crispEdges} stops
 * anti-aliasing seams between adjacent runs. Internal: may change at any time.
 */
public final class SvgWriter {

    private SvgWriter() {
    }

    public static String write(ModuleGrid grid, QrColor foreground, QrColor background) {
        int size = grid.size();
        int n = grid.modules();
        int m = grid.moduleSize();
        int offset = grid.offset();
        StringBuilder svg = new StringBuilder(256 + n * n * 4);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(size)
                .append("\" height=\"").append(size)
                .append("\" viewBox=\"0 0 ").append(size).append(' ').append(size)
                .append("\" shape-rendering=\"crispEdges\"><path fill=\"").append(background.hex())
                .append("\" d=\"M0 0h").append(size).append('v').append(size).append("H0z\"/><path fill=\"")
                .append(foreground.hex()).append("\" d=\"");
        for (int y = 0; y < n; y++) {
            int py = offset + y * m;
            int x = 0;
            while (x < n) {
                if (!grid.isDark(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < n && grid.isDark(x, y)) {
                    x++;
                }
                int w = (x - start) * m;
                svg.append('M').append(offset + start * m).append(' ').append(py)
                        .append('h').append(w).append('v').append(m).append("h-").append(w).append('z');
            }
        }
        return svg.append("\"/></svg>").toString();
    }
}
