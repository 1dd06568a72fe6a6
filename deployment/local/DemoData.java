import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Demo data for the local run (deployment/local/up): six Zhejiang technical schools and ~300 records of the
 * next open intake (see INTAKE_YEAR), pushed through the public API, with five planted double registrations (the same
 * person enrolled full-time at two schools) for registration-service to find.
 *
 * <p>Deterministic (fixed seed) and idempotent: a second run answers UNCHANGED for every record. JDK only,
 * run as a single-file program:
 * {@code java DemoData.java --url http://127.0.0.1:8081 --token deployment/local/token}.
 */
public class DemoData {

    static final String PROVINCE = "330000";
    static final long SEED = 20260901L;
    /**
     * The demo enrolls into the next intake whose 学籍 deadline (Zhejiang: 31 March, 31 October) has not passed,
     * so registration-service flags only the planted double registrations, not every record as late.
     */
    static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    static final boolean SPRING = TODAY.isBefore(LocalDate.of(TODAY.getYear(), 4, 1))
            || TODAY.isAfter(LocalDate.of(TODAY.getYear(), 10, 31));
    static final int INTAKE_YEAR = TODAY.isAfter(LocalDate.of(TODAY.getYear(), 10, 31)) ? TODAY.getYear() + 1 : TODAY.getYear();
    static final int RECORDS_PER_SCHOOL = 50;

    record Major(String code, String name, List<String> levels) {
    }

    record School(String code, String name, String type, String city, boolean provincial, List<String> districts,
            List<Major> majors) {
    }

    record Person(String idNumber, String name, String gender, LocalDate birthDate) {
    }

    /** One enrollment of a person at a school; its JSON is the enrollment-service contract. */
    record Enrollment(School school, String sourceRecordId, Person person, Major major, String level, String studyMode,
            String enrolledOn, String sourceCategory, List<String> priorityFlags, String employer) {
    }

    static final List<String> INTERMEDIATE = List.of("INTERMEDIATE");
    static final List<String> UP_TO_ADVANCED = List.of("INTERMEDIATE", "ADVANCED");
    static final List<String> ALL_LEVELS = List.of("INTERMEDIATE", "ADVANCED", "PREP_TECHNICIAN", "TECHNICIAN");

    // Levels follow the school type: 技工学校 trains 中级工, 高级技工学校 up to 高级工, 技师学院 up to 预备技师 and 技师.
    static final List<School> SCHOOLS = List.of(
            new School("33010001", "浙江省机电技师学院", "TECHNICIAN_COLLEGE", "330100", true,
                    List.of("330102", "330105", "330106", "330109"), List.of(
                            new Major("0103", "数控加工（数控车工）", ALL_LEVELS),
                            new Major("0202", "电气自动化设备安装与维修", ALL_LEVELS),
                            new Major("0317", "工业机器人应用与维护", UP_TO_ADVANCED),
                            new Major("0601", "计算机网络应用", UP_TO_ADVANCED))),
            new School("33020001", "宁波技师学院", "TECHNICIAN_COLLEGE", "330200", false,
                    List.of("330203", "330205", "330212"), List.of(
                            new Major("0108", "模具制造", ALL_LEVELS),
                            new Major("0401", "汽车维修", ALL_LEVELS),
                            new Major("1201", "电子商务", UP_TO_ADVANCED))),
            new School("33030001", "温州市高级技工学校", "SENIOR_TECHNICAL_SCHOOL", "330300", false,
                    List.of("330302", "330303", "330304"), List.of(
                            new Major("0103", "数控加工（数控车工）", UP_TO_ADVANCED),
                            new Major("0206", "电子技术应用", UP_TO_ADVANCED),
                            new Major("1101", "服装设计与制作", INTERMEDIATE),
                            new Major("0401", "汽车维修", UP_TO_ADVANCED))),
            new School("33070001", "金华市高级技工学校", "SENIOR_TECHNICAL_SCHOOL", "330700", false,
                    List.of("330702", "330703", "330782"), List.of(
                            new Major("0202", "电气自动化设备安装与维修", UP_TO_ADVANCED),
                            new Major("0601", "计算机网络应用", UP_TO_ADVANCED),
                            new Major("1204", "物流服务与管理", INTERMEDIATE))),
            new School("33100001", "台州市技工学校", "TECHNICAL_SCHOOL", "331000", false,
                    List.of("331002", "331003", "331004"), List.of(
                            new Major("0103", "数控加工（数控车工）", INTERMEDIATE),
                            new Major("0108", "模具制造", INTERMEDIATE),
                            new Major("0401", "汽车维修", INTERMEDIATE))),
            new School("33010002", "杭州市萧山区技工学校", "TECHNICAL_SCHOOL", "330100", false,
                    List.of("330109", "330102", "330106"), List.of(
                            new Major("0202", "电气自动化设备安装与维修", INTERMEDIATE),
                            new Major("0713", "烹饪（中式烹调）", INTERMEDIATE),
                            new Major("1201", "电子商务", INTERMEDIATE),
                            new Major("0601", "计算机网络应用", INTERMEDIATE))));

    // Surnames and given names with pairwise different pinyin: the demo should raise only the alerts it plants.
    static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "孙", "马", "朱", "胡", "郭",
            "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "韩", "冯", "邓", "曹", "彭", "潘" };
    static final String[] GIVEN_NAMES = { "子涵", "浩然", "雨桐", "宇轩", "梓萱", "俊杰", "欣怡", "博文", "诗琪", "志强", "佳琪", "明轩",
            "思远", "嘉怡", "晨阳", "若曦", "天佑", "可馨", "振宇", "晓雯", "家豪", "婉婷", "文博", "静怡", "一鸣", "雅琴", "泽宇", "梦洁",
            "国栋", "丽娜", "建华", "海燕", "鹏飞", "秀英", "立新", "春梅" };
    static final String[] EMPLOYERS = { "吉利汽车集团有限公司", "宁波舟山港集团有限公司", "正泰电器股份有限公司", "横店集团控股有限公司",
            "台州市椒江区精密机械有限公司" };
    static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    static final String CHECK_CHARS = "10X98765432";

    final Random random = new Random(SEED);
    final Set<String> usedIds = new HashSet<>();
    final Set<String> usedNames = new HashSet<>();
    final Set<String> usedBirthDays = new HashSet<>();

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--print")) {
            // Prints the schools and records that a run would push, one JSON document per line, and sends nothing.
            DemoData demo = new DemoData();
            SCHOOLS.forEach(school -> System.out.println(schoolJson(school)));
            demo.generate().values().forEach(items -> items.forEach(e -> System.out.println(enrollmentJson(e))));
            return;
        }
        String url = null;
        String tokenCommand = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--token" -> tokenCommand = args[i + 1];
                default -> usage();
            }
        }
        if (url == null || tokenCommand == null || args.length % 2 != 0) {
            usage();
        }
        new DemoData().run(url.replaceAll("/+$", ""), tokenCommand);
    }

    static void usage() {
        System.err.println("usage: java DemoData.java --url http://127.0.0.1:8081 --token deployment/local/token\n"
                + "       java DemoData.java --print   (the data as JSON lines; sends nothing)");
        System.exit(2);
    }

    void run(String url, String tokenCommand) throws Exception {
        long started = System.nanoTime();
        Api api = new Api(url, tokenCommand);

        String provinceToken = api.token("province", "--region", PROVINCE);
        int schoolsCreated = 0;
        for (School school : SCHOOLS) {
            HttpResponse<String> r = api.post("/api/v1/schools", provinceToken, schoolJson(school));
            if (r.statusCode() == 201) {
                schoolsCreated++;
            } else if (r.statusCode() != 200) {
                fail("POST /api/v1/schools " + school.code() + " answered " + r.statusCode() + ": " + r.body());
            }
        }

        Map<School, List<Enrollment>> bySchool = generate();
        Map<String, Integer> outcomes = new TreeMap<>();
        int total = 0;
        for (Map.Entry<School, List<Enrollment>> entry : bySchool.entrySet()) {
            School school = entry.getKey();
            List<Enrollment> items = entry.getValue();
            String token = api.token("school", "--school", school.code());
            StringBuilder body = new StringBuilder("{\"items\":[");
            for (int i = 0; i < items.size(); i++) {
                body.append(i == 0 ? "" : ",").append(enrollmentJson(items.get(i)));
            }
            body.append("]}");
            HttpResponse<String> r = api.post("/api/v1/enrollments/batch", token, body.toString());
            if (r.statusCode() != 200) {
                fail("POST /api/v1/enrollments/batch for " + school.code() + " answered " + r.statusCode() + ": " + r.body());
            }
            List<String> rejected = new ArrayList<>();
            for (Object o : list(map(Json.parse(r.body())).get("results"))) {
                Map<String, Object> result = map(o);
                String status = String.valueOf(result.get("status"));
                outcomes.merge(status, 1, Integer::sum);
                if ("REJECTED".equals(status)) {
                    int index = ((Number) result.get("index")).intValue();
                    rejected.add(items.get(index).sourceRecordId() + ": " + Json.write(result.get("errors")));
                }
            }
            total += items.size();
            if (!rejected.isEmpty()) {
                fail(rejected.size() + " records of " + school.code() + " were rejected:\n  " + String.join("\n  ", rejected));
            }
        }

        System.out.printf("demo data: %d schools (%d new) in province %s; %d enrollment records %s; "
                + "5 planted double registrations (DEMO-33010001-0051..0055); %.1f s%n",
                SCHOOLS.size(), schoolsCreated, PROVINCE, total, outcomes, (System.nanoTime() - started) / 1e9);
    }

    // ---------------------------------------------------------------------------------------------
    // Data

    /** Per school 50 records; then 5 people of other schools enrolled again, full-time, at the provincial college. */
    Map<School, List<Enrollment>> generate() {
        Map<School, List<Enrollment>> bySchool = new LinkedHashMap<>();
        for (School school : SCHOOLS) {
            List<Enrollment> list = new ArrayList<>();
            for (int n = 1; n <= RECORDS_PER_SCHOOL; n++) {
                list.add(enrollment(school, n));
            }
            bySchool.put(school, list);
        }
        // The provincial college may recruit across the province, so the second enrollment breaks no recruitment
        // rule: only the double registration (双重学籍) remains for registration-service to raise.
        School college = SCHOOLS.get(0);
        List<Enrollment> collegeList = bySchool.get(college);
        int n = RECORDS_PER_SCHOOL;
        for (School other : SCHOOLS.subList(1, SCHOOLS.size())) {
            Enrollment first = bySchool.get(other).stream()
                    .filter(e -> e.studyMode().equals("FULL_TIME"))
                    .skip(3).findFirst().orElseThrow();
            Major major = college.majors().get(random.nextInt(college.majors().size()));
            collegeList.add(new Enrollment(college, recordId(college, ++n), first.person(), major, pick(major.levels()),
                    "FULL_TIME", first.enrolledOn(), first.sourceCategory(), first.priorityFlags(), null));
        }
        return bySchool;
    }

    Enrollment enrollment(School school, int n) {
        Major major = school.majors().get(random.nextInt(school.majors().size()));
        String level = pick(major.levels());
        String district = school.districts().get(random.nextInt(school.districts().size()));
        String enrolledOn = INTAKE_YEAR + (SPRING ? "-03-0" : "-09-0") + (1 + random.nextInt(5));
        List<String> flags = random.nextInt(100) < 8 ? List.of("脱贫家庭") : List.of();
        if (n % 25 == 0) {
            // 非全日制: an enterprise employee, adult, studying beside the job.
            Person p = person(district, LocalDate.of(1990, 1, 1), LocalDate.of(2002, 12, 31));
            return new Enrollment(school, recordId(school, n), p, major, level, "PART_TIME", enrolledOn, "企业职工", List.of(),
                    EMPLOYERS[random.nextInt(EMPLOYERS.length)]);
        }
        if (n % 17 == 0) {
            Person p = person(district, LocalDate.of(2003, 1, 1), LocalDate.of(2005, 12, 31));
            return new Enrollment(school, recordId(school, n), p, major, level, "FULL_TIME", enrolledOn, "退役军人", flags, null);
        }
        Person p = person(district, LocalDate.of(2008, 1, 1), LocalDate.of(2010, 12, 31));
        String category = p.birthDate().getYear() == 2008 && random.nextBoolean() ? "高中毕业生" : "初中毕业生";
        return new Enrollment(school, recordId(school, n), p, major, level, "FULL_TIME", enrolledOn, category, flags, null);
    }

    /**
     * A new person, unique in ID number, in name, and in (birth date, gender): the last keeps registration-service's
     * PROBABLE_DUPLICATE check (same birth date and gender, similar name) quiet for everyone not planted.
     */
    Person person(String district, LocalDate from, LocalDate to) {
        int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        while (true) {
            String gender = random.nextBoolean() ? "MALE" : "FEMALE";
            LocalDate birth = from.plusDays(random.nextInt(days));
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)];
            // GB 11643: the 17th digit (last of the sequence code) is odd for men, even for women.
            int sequence = random.nextInt(100) * 10 + 2 * random.nextInt(5) + (gender.equals("MALE") ? 1 : 0);
            String id = residentId(district, birth, sequence);
            if (usedIds.contains(id) || usedNames.contains(name) || usedBirthDays.contains(birth + gender)) {
                continue;
            }
            usedIds.add(id);
            usedNames.add(name);
            usedBirthDays.add(birth + gender);
            return new Person(id, name, gender, birth);
        }
    }

    /** 18-character resident ID: region, birth date, sequence, GB 11643 MOD 11-2 check character. */
    static String residentId(String region, LocalDate birth, int sequence) {
        String body = region + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK_CHARS.charAt(sum % 11);
    }

    static String recordId(School school, int n) {
        return String.format("DEMO-%s-%04d", school.code(), n);
    }

    String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    static String schoolJson(School s) {
        StringBuilder majors = new StringBuilder();
        for (Major m : s.majors()) {
            majors.append(majors.length() == 0 ? "" : ",")
                    .append("{\"code\":").append(Json.quote(m.code()))
                    .append(",\"name\":").append(Json.quote(m.name()))
                    .append(",\"levels\":").append(Json.write(m.levels())).append('}');
        }
        return "{\"code\":" + Json.quote(s.code()) + ",\"name\":" + Json.quote(s.name()) + ",\"type\":" + Json.quote(s.type())
                + ",\"provinceCode\":\"" + PROVINCE + "\",\"cityCode\":" + Json.quote(s.city()) + ",\"provincial\":" + s.provincial()
                + ",\"qualifiedYears\":[" + (INTAKE_YEAR - 1) + "," + INTAKE_YEAR + "],\"majors\":[" + majors + "]}";
    }

    static String enrollmentJson(Enrollment e) {
        Person p = e.person();
        return "{\"schoolCode\":" + Json.quote(e.school().code())
                + ",\"sourceRecordId\":" + Json.quote(e.sourceRecordId())
                + ",\"student\":{\"idType\":\"RESIDENT_ID\",\"idNumber\":" + Json.quote(p.idNumber())
                + ",\"name\":" + Json.quote(p.name()) + ",\"gender\":" + Json.quote(p.gender())
                + ",\"birthDate\":" + Json.quote(p.birthDate().toString()) + "}"
                + ",\"majorCode\":" + Json.quote(e.major().code())
                + ",\"classLevel\":" + Json.quote(e.level())
                + ",\"studyMode\":" + Json.quote(e.studyMode())
                + ",\"intakeYear\":" + INTAKE_YEAR + ",\"intakeSeason\":\"" + (SPRING ? "SPRING" : "AUTUMN") + "\""
                + ",\"enrolledOn\":" + Json.quote(e.enrolledOn())
                + ",\"sourceCategory\":" + Json.quote(e.sourceCategory())
                + ",\"originRegion\":" + Json.quote(e.school().city())
                + ",\"priorityFlags\":" + Json.write(e.priorityFlags())
                + ",\"employer\":" + (e.employer() == null ? "null" : Json.quote(e.employer())) + "}";
    }

    static void fail(String message) {
        System.err.println("DemoData: " + message);
        System.exit(1);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        if (!(o instanceof Map)) {
            fail("unexpected answer: " + Json.write(o));
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        if (!(o instanceof List)) {
            fail("unexpected answer: " + Json.write(o));
        }
        return (List<Object>) o;
    }

    // ---------------------------------------------------------------------------------------------
    // HTTP and tokens

    static final class Api {
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        final String url;
        final String tokenCommand;

        Api(String url, String tokenCommand) {
            this.url = url;
            this.tokenCommand = tokenCommand;
        }

        /** A bearer token from deployment/local/token: the one place that knows the claims and the key. */
        String token(String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(tokenCommand));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (p.waitFor() != 0 || out.isEmpty()) {
                fail("token command failed: " + command);
            }
            return out;
        }

        HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Just enough JSON (the JDK has none): objects, arrays, strings, numbers, true/false/null.

    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json p = new Json(text);
            Object value = p.value();
            p.space();
            if (p.i != text.length()) {
                throw new IllegalArgumentException("trailing characters at " + p.i);
            }
            return value;
        }

        private Object value() {
            space();
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    Map<String, Object> m = new LinkedHashMap<>();
                    i++;
                    space();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        space();
                        String key = string();
                        space();
                        expect(':');
                        m.put(key, value());
                        space();
                        if (s.charAt(i++) == '}') {
                            return m;
                        }
                    }
                }
                case '[': {
                    List<Object> l = new ArrayList<>();
                    i++;
                    space();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        space();
                        if (s.charAt(i++) == ']') {
                            return l;
                        }
                    }
                }
                case '"':
                    return string();
                default:
                    if (s.startsWith("true", i)) {
                        i += 4;
                        return Boolean.TRUE;
                    }
                    if (s.startsWith("false", i)) {
                        i += 5;
                        return Boolean.FALSE;
                    }
                    if (s.startsWith("null", i)) {
                        i += 4;
                        return null;
                    }
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    if (start == i) {
                        throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
                    }
                    return Double.valueOf(s.substring(start, i));
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
            i++;
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        static String quote(String v) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : v.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }

        static String write(Object o) {
            if (o == null) {
                return "null";
            }
            if (o instanceof String str) {
                return quote(str);
            }
            if (o instanceof Map<?, ?> m) {
                StringBuilder b = new StringBuilder("{");
                m.forEach((k, v) -> b.append(b.length() == 1 ? "" : ",").append(quote(String.valueOf(k))).append(':').append(write(v)));
                return b.append('}').toString();
            }
            if (o instanceof List<?> l) {
                StringBuilder b = new StringBuilder("[");
                l.forEach(v -> b.append(b.length() == 1 ? "" : ",").append(write(v)));
                return b.append(']').toString();
            }
            return String.valueOf(o);
        }
    }
}
