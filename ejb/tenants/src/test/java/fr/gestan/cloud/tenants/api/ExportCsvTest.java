package fr.gestan.cloud.tenants.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ExportCsvTest {

    @Test
    void a_line_quotes_what_would_break_it_and_neutralises_formulas() throws IOException {
        StringWriter w = new StringWriter();
        ExportCsv.line(w, "plain", null, "a,b", "say \"hi\"", "two\nlines", "=SUM(A1)", "-12.5", 42);
        assertEquals("plain,,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",'=SUM(A1),-12.5,42\r\n", w.toString());
    }

    @Test
    void a_semicolon_file_quotes_on_its_own_separator_only() {
        assertEquals("a,b", ExportCsv.cell("a,b", ';'));
        assertEquals("\"a;b\"", ExportCsv.cell("a;b", ';'));
        assertEquals("\"line\r\nbreak\"", ExportCsv.cell("line\r\nbreak", ';'));
        assertEquals("'@cmd", ExportCsv.cell("@cmd", ';'));
        assertEquals("+33 1 23 45 67 89", ExportCsv.cell("+33 1 23 45 67 89", ';'));
        assertEquals("", ExportCsv.cell(null, ';'));
    }
}
