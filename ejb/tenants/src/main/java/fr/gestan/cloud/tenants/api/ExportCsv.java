package fr.gestan.cloud.tenants.api;

import java.io.IOException;
import java.io.Writer;

/**
 * CSV lines for export files (RFC 4180, CRLF): cells holding a comma, quote or line break are quoted; cells that a
 * spreadsheet would run as a formula ({@code = + - @} followed by something other than a number) are prefixed with
 * a quote. For {@link TenantExportContributor}s, so that every module's CSV reads the same way.
 */
public final class ExportCsv {

    private ExportCsv() {
    }

    /** Writes one line. {@code null} cells are empty. */
    public static void line(Writer w, Object... cells) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells[i], ','));
        }
        w.write(line.append("\r\n").toString());
    }

    /**
     * One cell of a file whose cells are separated by {@code separator} (the compliance files use {@code ;}): empty
     * for {@code null}, formula-safe, quoted when it holds the separator, a quote or a line break.
     */
    public static String cell(Object value, char separator) {
        String c = value == null ? "" : value.toString();
        if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0 && !c.matches("[+-]?[0-9 .]+")) {
            c = "'" + c;
        }
        if (c.indexOf(separator) >= 0 || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
            c = "\"" + c.replace("\"", "\"\"") + "\"";
        }
        return c;
    }
}
