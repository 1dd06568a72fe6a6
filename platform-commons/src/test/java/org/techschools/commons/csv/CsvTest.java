package org.techschools.commons.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesOnlyWhereNeededAndDefusesFormulas() {
        assertEquals("330100,\"杭州市, 西湖区\",\"他说\"\"好\"\"\",'=SUM(A1),-12.5,\r\n",
                Csv.line("330100", "杭州市, 西湖区", "他说\"好\"", "=SUM(A1)", -12.5, null));
    }

    @Test
    void readsWhatItWrites() {
        List<Object> values = Arrays.asList("a,b", "c\"d", "", "张三");
        String line = Csv.line(values);
        assertEquals(List.of("a,b", "c\"d", "", "张三"), Csv.cells(line.substring(0, line.length() - 2)));
    }

    @Test
    void dropsTheByteOrderMarkOfAHeader() {
        assertEquals(List.of("year", "level"), Csv.cells(Csv.BOM + "year,level"));
    }

    @Test
    void readsRowsWhoseQuotedValuesSpanLines() {
        assertEquals(List.of(List.of("a", "b"), List.of("x\ny", "z")), Csv.rows("a,b\r\n\"x\ny\",z\r\n"));
        assertThrows(IllegalArgumentException.class, () -> Csv.rows("a,\"b\r\n"));
    }
}
