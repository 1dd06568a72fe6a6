package org.techschools.quota.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.identity.IdNumberShape;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.text.StorableText;
import org.techschools.commons.security.Regions;
import org.techschools.quota.domain.School;
import org.techschools.quota.domain.TargetQueries;
import org.techschools.quota.domain.TargetScope;
import org.techschools.commons.csv.Csv;

/**
 * 目标任务表 import: a CSV of targets (one row per year, level, region or school, optional class level) applied all or
 * nothing. Every row is checked before anything is written; a broken row answers 422 naming its line and column.
 * Rows are upserted on (year, level, code, class level), so importing the same table again changes nothing.
 * Children that do not add up to their parent are accepted (the listing shows them as discrepancies).
 */
@ApplicationScoped
public class TargetImport {

    private static final Logger LOG = Logger.getLogger(TargetImport.class);

    /** Required columns, in any order. */
    public static final List<String> REQUIRED = List.of("year", "level", "code", "target");
    /** Optional columns: classLevel (empty = all levels), source (文号 of the document that set the target). */
    public static final List<String> OPTIONAL = List.of("classLevel", "source");
    /** Errors beyond this many are counted in the detail, not listed. */
    private static final int MAX_LISTED = 100;

    private static final Pattern YEAR = Pattern.compile("^(19|20|21)[0-9]{2}$");
    private static final Pattern PROVINCE = Pattern.compile("^[1-9][0-9]0000$");
    private static final Pattern CITY = Pattern.compile("^[1-9][0-9]{3}00$");
    private static final Pattern SCHOOL = Pattern.compile("^[A-Za-z0-9_.-]{1,32}$");

    /** @param created new targets, updated changed values, unchanged rows equal to what was stored */
    public record Result(int rows, int created, int updated, int unchanged) {
    }

    record Row(int line, int year, TargetScope scope, String code, ClassLevel classLevel, int target,
            String source) {

        String key() {
            return year + "|" + scope + "|" + code + "|" + (classLevel == null ? "" : classLevel.name());
        }
    }

    /**
     * @param csv           the table, header first (UTF-8 text; a byte-order mark is ignored)
     * @param provinceLimit the caller's province (a province office imports only its own province's rows), null when
     *                      unlimited (national centre)
     */
    @Transactional
    public Result apply(String csv, String provinceLimit, String actor) {
        List<Row> rows = parse(csv, provinceLimit, TargetImport::schoolsByCode);

        int created = 0;
        int updated = 0;
        for (Row row : rows) {
            switch (TargetQueries.upsert(row.year(), row.scope(), row.code(), row.classLevel(), row.target(),
                    row.source())) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> {
                }
            }
        }
        LOG.infof("target table imported by %s: %d rows, %d created, %d updated", actor, rows.size(), created, updated);
        return new Result(rows.size(), created, updated, rows.size() - created - updated);
    }

    /**
     * Every row of the table checked, without writing anything: the rows, or 400/422 naming line and column of every
     * broken one (a line that is not CSV too).
     *
     * @param schoolsByCode the directory's schools among the codes SCHOOL rows name
     */
    static List<Row> parse(String csv, String provinceLimit, Function<Set<String>, Map<String, School>> schoolsByCode) {
        List<Csv.Record> records = csv == null ? List.of() : Csv.records(csv);
        if (records.isEmpty() || records.get(0).isBlank()) {
            throw ProblemException.badRequest(List.of(new FieldError("header", "required",
                    "the CSV is empty; expected a header with " + String.join(",", REQUIRED) + " (and optionally "
                            + String.join(",", OPTIONAL) + ")")));
        }
        Map<String, Integer> columns = header(records.get(0));

        List<Row> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstLineOfKey = new HashMap<>();
        Map<String, School> schools = schoolsByCode.apply(schoolCodes(records, columns));
        for (Csv.Record record : records.subList(1, records.size())) {
            if (record.isBlank()) {
                continue;
            }
            if (!record.isCsv()) {
                errors.add(error(record.line(), "line", "csv-format", "is not CSV: " + Csv.NOT_CSV));
                continue;
            }
            Row row = row(record.line(), record.cells(), columns, schools, provinceLimit, errors);
            if (row == null) {
                continue;
            }
            Integer earlier = firstLineOfKey.putIfAbsent(row.key(), row.line());
            if (earlier != null) {
                errors.add(error(row.line(), "code", "duplicate-row", "the same year, level, code and class level as line "
                        + earlier));
            }
            rows.add(row);
        }
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add(new FieldError("rows", "required", "the CSV has a header but no target rows"));
        }
        if (!errors.isEmpty()) {
            List<FieldError> listed = errors.size() > MAX_LISTED ? errors.subList(0, MAX_LISTED) : errors;
            throw new ProblemException(422, "Unprocessable entity", errors.size() + " error(s) in the target table;"
                    + " nothing was imported", listed);
        }
        return rows;
    }

    /** Column positions by name; 400 naming every missing or unknown column. */
    private static Map<String, Integer> header(Csv.Record record) {
        Map<String, Integer> columns = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        List<String> names = record.cells();
        if (names == null) {
            throw ProblemException.badRequest(List.of(new FieldError("header", "csv-format", "the header line is not CSV: " + Csv.NOT_CSV)));
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim();
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                errors.add(new FieldError("header", "unknown-column", "column " + (i + 1) + " is not one of "
                        + String.join(",", REQUIRED) + "," + String.join(",", OPTIONAL)));
            } else if (columns.putIfAbsent(name, i) != null) {
                errors.add(new FieldError("header", "duplicate-column", "column " + name + " appears twice"));
            }
        }
        for (String name : REQUIRED) {
            if (!columns.containsKey(name)) {
                errors.add(new FieldError("header", "missing-column", "the header lacks " + name));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        return columns;
    }

    /** The codes SCHOOL rows name (lines that are not CSV name none; they are reported as such). */
    private static Set<String> schoolCodes(List<Csv.Record> records, Map<String, Integer> columns) {
        return records.stream().skip(1).map(Csv.Record::cells).filter(Objects::nonNull)
                .filter(c -> c.size() > Math.max(columns.get("level"), columns.get("code")))
                .filter(c -> "SCHOOL".equalsIgnoreCase(c.get(columns.get("level")).trim()))
                .map(c -> c.get(columns.get("code")).trim()).collect(Collectors.toSet());
    }

    /** The schools among {@code codes}, from the projection of school-events (one query). */
    private static Map<String, School> schoolsByCode(Set<String> codes) {
        Map<String, School> schools = new HashMap<>();
        if (!codes.isEmpty()) {
            School.<School>list("code in ?1", codes).forEach(s -> schools.put(s.code, s));
        }
        return schools;
    }

    /** The row, or null after adding its broken rules to {@code errors}. */
    private static Row row(int line, List<String> cells, Map<String, Integer> columns, Map<String, School> schools,
            String provinceLimit, List<FieldError> errors) {
        if (cells.size() != columns.size()) {
            errors.add(error(line, "line", "column-count", "has " + cells.size() + " fields, the header " + columns.size()));
            return null;
        }
        int before = errors.size();
        String yearText = cell(cells, columns, "year");
        String levelText = cell(cells, columns, "level");
        String code = cell(cells, columns, "code");
        String classLevelText = cell(cells, columns, "classLevel");
        String targetText = cell(cells, columns, "target");
        String source = cell(cells, columns, "source");

        if (!YEAR.matcher(yearText).matches()) {
            errors.add(error(line, "year", "year", "must be a four-digit year, e.g. 2025"));
        }
        TargetScope scope = null;
        try {
            scope = TargetScope.valueOf(levelText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(error(line, "level", "invalid-value", "must be one of " + List.of(TargetScope.values())));
        }
        String province = scope == null ? null : checkCode(line, scope, code, schools, errors);
        if (province != null && provinceLimit != null && !provinceLimit.equals(province)) {
            errors.add(error(line, "code", "outside-scope", "is outside the caller's province"));
        } else if (scope == TargetScope.NATIONAL && provinceLimit != null) {
            errors.add(error(line, "level", "outside-scope", "only the national centre sets NATIONAL targets"));
        }
        ClassLevel classLevel = null;
        if (!classLevelText.isEmpty()) {
            try {
                classLevel = ClassLevel.valueOf(classLevelText);
            } catch (IllegalArgumentException e) {
                errors.add(error(line, "classLevel", "invalid-value", "must be empty (all levels) or one of "
                        + List.of(ClassLevel.values())));
            }
        }
        int target = -1;
        try {
            target = Integer.parseInt(targetText);
        } catch (NumberFormatException e) {
            // answered below
        }
        if (target < 0) {
            errors.add(error(line, "target", "non-negative-integer", "must be a whole number of students, 0 or more"));
        }
        // The source (文号) is free text kept with the target: nothing the database refuses, no ID number.
        if (!StorableText.isStorable(source)) {
            errors.add(error(line, "source", StorableText.RULE, StorableText.MESSAGE));
        } else if (IdNumberShape.foundIn(source)) {
            errors.add(error(line, "source", IdNumberShape.RULE, "must not contain an ID number"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new Row(line, Integer.parseInt(yearText), scope, code, classLevel, target,
                source.isEmpty() ? null : source);
    }

    /** Checks the code against the level; the province it lies in (null for NATIONAL or when broken). */
    private static String checkCode(int line, TargetScope scope, String code, Map<String, School> schools,
            List<FieldError> errors) {
        switch (scope) {
            case NATIONAL -> {
                if (!TargetScope.NATIONAL_CODE.equals(code)) {
                    errors.add(error(line, "code", "national-code", "a NATIONAL target has code " + TargetScope.NATIONAL_CODE));
                }
                return null;
            }
            case PROVINCE -> {
                if (!PROVINCE.matcher(code).matches()) {
                    errors.add(error(line, "code", "province-code", "must be a province division code, e.g. 330000"));
                    return null;
                }
                return code;
            }
            case CITY -> {
                if (!CITY.matcher(code).matches() || code.endsWith("0000")) {
                    errors.add(error(line, "code", "city-code", "must be a city division code, e.g. 330100"));
                    return null;
                }
                return Regions.province(code);
            }
            default -> {
                School school = SCHOOL.matcher(code).matches() ? schools.get(code) : null;
                if (school == null) {
                    errors.add(error(line, "code", "unknown-school", "names no known school"));
                    return null;
                }
                return school.provinceCode;
            }
        }
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null ? "" : cells.get(i).trim();
    }

    /** Errors name the line of the file its record starts on (the header is line 1) and the column. */
    private static FieldError error(int line, String column, String rule, String message) {
        return new FieldError("rows[" + line + "]." + column, rule, "line " + line + ": " + column + " " + message);
    }
}
