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

    @Test
    void namesEachRecordByTheLineItStartsOn() {
        assertEquals(List.of(new Csv.Record(1, List.of("name", "school")), new Csv.Record(2, List.of("张三", "杭州第一\r\n技工学校")),
                new Csv.Record(4, List.of("")), new Csv.Record(5, List.of("李四", "x\ny\nz")), new Csv.Record(8, List.of("王五", ""))),
                Csv.records(Csv.BOM + "name,school\r\n张三,\"杭州第一\r\n技工学校\"\r\n\r\n李四,\"x\ny\nz\"\n王五,\r"));
    }

    @Test
    void aRecordThatIsNotCsvCostsOneLine() {
        assertEquals(List.of(new Csv.Record(1, List.of("a", "b")), new Csv.Record(2, null), new Csv.Record(3, List.of("c", "d")),
                new Csv.Record(4, List.of("e", "f"))), Csv.records("a,b\r\nx,\"open\r\nc,d\r\ne,f"));
        assertEquals(List.of(new Csv.Record(1, null), new Csv.Record(2, List.of("y\"z", "w")), new Csv.Record(3, List.of("v"))),
                Csv.records("\"x\ny\"z,w\nv\n"));
    }
}
