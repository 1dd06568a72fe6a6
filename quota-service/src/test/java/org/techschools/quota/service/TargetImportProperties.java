package org.techschools.quota.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.techschools.commons.identity.IdNumberShape;
import org.techschools.commons.problem.Problem;
import org.techschools.commons.problem.ProblemException;
import org.techschools.quota.domain.School;

/**
 * The target table import's parsing, without a database: any text is parsed into rows or refused with 400/422 naming
 * line and column of each broken rule; a valid table gives one row per line; nothing it answers repeats an ID number.
 */
class TargetImportProperties {

    private static final String HEADER = "year,level,code,classLevel,target,source";
    private static final Map<String, School> DIRECTORY = Map.of("S-HZ-1", school("S-HZ-1", "330000"), "S-NJ-1", school("S-NJ-1", "320000"));

    @Property(tries = 1000)
    void anyTextIsParsedOrRefusedNamingLineAndRule(@ForAll("tables") String csv, @ForAll("provinces") String province) {
        try {
            List<TargetImport.Row> rows = TargetImport.parse(csv, province, TargetImportProperties::lookup);
            assertFalse(rows.isEmpty());
            rows.forEach(row -> assertTrue(row.source() == null
                    || (row.source().indexOf('\u0000') < 0 && !IdNumberShape.foundIn(row.source())), "a source the database keeps, no ID number"));
        } catch (ProblemException refused) {
            Problem problem = refused.toProblem();
            assertTrue(problem.status() == 400 || problem.status() == 422, "status " + problem.status());
            assertFalse(problem.errors() == null || problem.errors().isEmpty());
            problem.errors().forEach(e -> {
                assertFalse(e.field() == null || e.field().isBlank());
                assertFalse(e.rule() == null || e.rule().isBlank());
                assertFalse(e.message().contains("11010519491231002X"), "an ID number sent in is not repeated");
            });
        }
    }

    @Property
    void aValidTableGivesOneRowPerLine(@ForAll("validLines") List<String> lines) {
        List<String> distinct = lines.stream().distinct().toList();
        String csv = HEADER + "\r\n" + String.join("\r\n", distinct) + "\r\n";
        // Lines that repeat a key (same year, level, code, class level) with another target are refused as duplicates.
        try {
            assertEquals(distinct.size(), TargetImport.parse(csv, null, TargetImportProperties::lookup).size());
        } catch (ProblemException refused) {
            assertTrue(refused.toProblem().errors().stream().allMatch(e -> e.rule().equals("duplicate-row")), refused.toProblem().toString());
        }
    }

    @Property
    void aLineThatIsNotCsvIsNamedAndNothingIsImported(@ForAll("validLines") List<String> lines, @ForAll @IntRange(max = 20) int at) {
        List<String> table = new ArrayList<>(lines.stream().distinct().toList());
        int broken = at % (table.size() + 1);
        table.add(broken, "2026,CITY,\"330100,5");
        ProblemException refused = assertThrows(ProblemException.class,
                () -> TargetImport.parse(HEADER + "\n" + String.join("\n", table), null, TargetImportProperties::lookup));
        assertEquals(422, refused.status());
        assertTrue(refused.toProblem().errors().stream()
                .anyMatch(e -> e.field().equals("rows[" + (broken + 2) + "].line") && e.rule().equals("csv-format")), refused.toProblem().toString());
    }

    @Property
    void aProvinceImportsOnlyItsOwnRows(@ForAll("validLines") List<String> lines) {
        String csv = HEADER + "\n" + String.join("\n", lines.stream().distinct().toList());
        try {
            TargetImport.parse(csv, "330000", TargetImportProperties::lookup).forEach(row ->
                    assertTrue(row.code().startsWith("33") || row.code().equals("S-HZ-1"), row.toString()));
        } catch (ProblemException refused) {
            assertTrue(refused.toProblem().errors().stream().allMatch(e -> Set.of("outside-scope", "duplicate-row").contains(e.rule())),
                    refused.toProblem().toString());
        }
    }

    @Provide
    Arbitrary<String> provinces() {
        return Arbitraries.of("330000", "320000").injectNull(0.3);
    }

    @Provide
    Arbitrary<List<String>> validLines() {
        Arbitrary<String> year = Arbitraries.integers().between(2000, 2100).map(String::valueOf);
        Arbitrary<String> levelAndCode = Arbitraries.of("NATIONAL,000000", "PROVINCE,330000", "PROVINCE,320000", "CITY,330100", "CITY,320100",
                "SCHOOL,S-HZ-1", "SCHOOL,S-NJ-1");
        Arbitrary<String> classLevel = Arbitraries.of("", "INTERMEDIATE", "ADVANCED", "PREP_TECHNICIAN");
        Arbitrary<String> target = Arbitraries.integers().between(0, 100_000).map(String::valueOf);
        Arbitrary<String> source = Arbitraries.of("", "浙人社发〔2026〕12号", "\"a, b\"");
        return Combinators.combine(year, levelAndCode, classLevel, target, source)
                .as((y, lc, cl, t, s) -> y + "," + lc + "," + cl + "," + t + "," + s).list().ofMinSize(1).ofMaxSize(12);
    }

    /** Tables as offices and attackers send them: valid lines, broken ones, odd headers, quotes left open, ID numbers. */
    @Provide
    Arbitrary<String> tables() {
        Arbitrary<String> header = Arbitraries.of(HEADER, "year,level,code,target", "\uFEFF" + HEADER, "code,year,target,level",
                "year,level,code,target,year", "year,level,\"code", "year;level;code;target", "", "姓名,证件号码");
        Arbitrary<String> junk = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("0123456789,\"\r\n ").ofMaxLength(30),
                Arbitraries.of("2026,SCHOOL,11010519491231002X,,10,", "2026,CITY,11010519491231002X,,10,", "x,y",
                        "2026,CITY,330100,,-1,", "2026,CITY,330100,,5,文号\u0000", "2026,CITY,330100,,5,学生 110105 19491231002x",
                        "2026,CITY,330100,,99999999999,", "9999,NATIONAL,000000,,1,", "2026,city,330100,advanced,1,"));
        Arbitrary<String> line = Arbitraries.oneOf(validLines().map(l -> l.get(0)), junk);
        return Combinators.combine(header, line.list().ofMaxSize(10), Arbitraries.of("\n", "\r\n", "\r"))
                .as((h, lines, end) -> h + end + String.join(end, lines));
    }

    private static Map<String, School> lookup(Set<String> codes) {
        Map<String, School> found = new HashMap<>();
        codes.stream().filter(DIRECTORY::containsKey).forEach(c -> found.put(c, DIRECTORY.get(c)));
        return found;
    }

    private static School school(String code, String province) {
        School school = new School();
        school.code = code;
        school.name = code;
        school.provinceCode = province;
        school.cityCode = province.substring(0, 2) + "0100";
        return school;
    }
}
