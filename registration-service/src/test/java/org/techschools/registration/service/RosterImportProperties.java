package org.techschools.registration.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.techschools.commons.csv.Csv;
import org.techschools.commons.identity.PersonKeys;
import org.techschools.commons.identity.ResidentIdNumber;
import org.techschools.commons.problem.ProblemException;

/**
 * The roster import's row parsing, without a database: any line is stored or rejected naming line, field and rule —
 * never with an exception, never with the ID number — and what is stored holds no ID number and fits its column.
 */
class RosterImportProperties {

    private static final int[] COLUMNS = RosterImport.header(record(String.join(",", RosterImport.HEADER), 1));
    private static final RosterImport IMPORT = rosterImport();
    private static final Set<String> FIELDS = Set.of("line", "idNumber", "name", "gender", "birthDate", "schoolName", "status");

    @Property(tries = 2000)
    void anyLineIsStoredOrRejectedNamingFieldAndRule(@ForAll("lines") String line) {
        List<RosterImport.RowError> errors = new ArrayList<>();
        Csv.Record record = record(line, 7);
        String[] stored = IMPORT.parseRow(record, COLUMNS, errors);
        if (stored == null) {
            assertFalse(errors.isEmpty(), "a rejected line names why");
        } else {
            assertTrue(errors.isEmpty());
            assertEquals(64, stored[0].length(), "a person key");
            assertTrue(stored[2].length() <= 100 && stored[5].length() <= 200 && stored[6].length() <= 32, "fits its column");
            for (String value : stored) {
                assertFalse(value.indexOf('\u0000') >= 0, "PostgreSQL's COPY refuses NUL: it would fail the whole roster");
            }
            String id = PersonKeys.normalise(record.cells().get(0));
            for (String value : stored) {
                assertFalse(value.contains(id), "the ID number is not stored");
            }
        }
        errors.forEach(e -> {
            assertEquals(7, e.line());
            assertTrue(FIELDS.contains(e.field()), e.field());
            assertFalse(e.rule() == null || e.rule().isBlank());
        });
    }

    @Property
    void aValidLineIsStoredWithItsPersonKeyAndMask(@ForAll("validLines") String line) {
        List<RosterImport.RowError> errors = new ArrayList<>();
        String[] stored = IMPORT.parseRow(record(line, 2), COLUMNS, errors);
        assertEquals(List.of(), errors);
        assertNotNull(stored);
        String id = PersonKeys.normalise(Csv.cells(line).get(0));
        assertEquals(new PersonKeys("property-test-secret").personKey("RESIDENT_ID", id), stored[0]);
        assertEquals(PersonKeys.mask(id), stored[1]);
    }

    @Property
    void aHeaderIsReadOrRefusedWith400(@ForAll("headers") String header) {
        try {
            int[] columns = RosterImport.header(record(header, 1));
            assertEquals(RosterImport.HEADER.size(), columns.length);
        } catch (ProblemException refused) {
            assertEquals(400, refused.status());
            refused.toProblem().errors().forEach(e -> assertEquals("header", e.field()));
        }
    }

    @Property
    void aLineWithAQuoteLeftOpenIsRejectedAsNotCsv(@ForAll("validLines") String line) {
        List<RosterImport.RowError> errors = new ArrayList<>();
        assertNull(IMPORT.parseRow(record(line + ",\"unclosed", 3), COLUMNS, errors));
        assertEquals(List.of(new RosterImport.RowError(3, "line", "csv-format")), errors);
    }

    @Provide
    Arbitrary<String> validLines() {
        return Combinators.combine(validIds(), Arbitraries.of("张伟", "王芳", "\"Li, Qiang\""), Arbitraries.of("杭州第一中学", "宁波职高"),
                Arbitraries.of("在籍", "ACTIVE", "毕业", "休学"), Arbitraries.of(" ", ""))
                .as((id, name, school, status, pad) -> pad + id.toLowerCase() + pad + "," + name + ","
                        + ResidentIdNumber.gender(id).name() + "," + ResidentIdNumber.birthDate(id) + "," + school + "," + status);
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> cell = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12), Arbitraries.strings().ofMinLength(90).ofMaxLength(250),
                validIds(), Arbitraries.of("男", "F", "female", "2010-05-17", "2010-02-30", "在籍", "\"", "\"a,b\"", "\u0000", "张\u0000伟"));
        Arbitrary<String> random = cell.list().ofMaxSize(8).map(cells -> String.join(",", cells));
        Arbitrary<String> nearlyValid = Combinators.combine(validLines(), cell, Arbitraries.integers().between(0, 5))
                .as((line, replacement, at) -> {
                    List<String> cells = new ArrayList<>(Csv.cells(line));
                    cells.set(at, replacement);
                    return String.join(",", cells);
                });
        return Arbitraries.oneOf(random, nearlyValid, validLines());
    }

    @Provide
    Arbitrary<String> headers() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(60),
                Arbitraries.of(RosterImport.HEADER.toArray(String[]::new)).list().ofMaxSize(8).map(l -> String.join(",", l)),
                Arbitraries.of("idNumber,\"name", "\uFEFFidNumber,name,gender,birthDate,schoolName,status"));
    }

    private static Arbitrary<String> validIds() {
        return Combinators.combine(Arbitraries.of("330102", "320106", "110105"),
                Arbitraries.longs().between(LocalDate.of(1970, 1, 1).toEpochDay(), LocalDate.of(2012, 12, 31).toEpochDay()),
                Arbitraries.integers().between(0, 999)).as((region, day, sequence) -> {
                    String first17 = region + LocalDate.ofEpochDay(day).toString().replace("-", "") + String.format("%03d", sequence);
                    return first17 + ResidentIdNumber.checkCharacter(first17);
                });
    }

    /** The first record of {@code text}, as the import meets it starting on {@code line}. */
    private static Csv.Record record(String text, int line) {
        List<Csv.Record> records = Csv.records(text);
        return new Csv.Record(line, records.isEmpty() ? List.of("") : records.get(0).cells());
    }

    private static RosterImport rosterImport() {
        RosterImport rosterImport = new RosterImport();
        rosterImport.personKeys = new PersonKeys("property-test-secret");
        return rosterImport;
    }

    @Property(tries = 1)
    void theHeaderOfTheTemplateNamesEveryColumnInOrder() {
        assertArrayEquals(new int[] { 0, 1, 2, 3, 4, 5 }, COLUMNS);
    }
}
