import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The anchor of the build benchmark (not a test, not part of the product): DuckDB's bare conversion of a drop to
 * ZSTD Parquet, without any of the build's checks, mapping, cleaning or privacy. Every EHR table of every site, the
 * registry, the vocabulary, survey responses unnested to one row per answer, physical-measurement bundles unnested to
 * one row per resource, and Fitbit exports unnested to one row per intraday minute or sleep level. Prints seconds and
 * rows per output and the total.
 *
 * <p>Usage: {@code java -cp duckdb_jdbc.jar DuckDbConversion.java DROP VOCABULARY OUT THREADS}
 */
public final class DuckDbConversion {
    public static void main(String[] args) throws Exception {
        Path drop = Path.of(args[0]).toAbsolutePath();
        Path vocab = Path.of(args[1]).toAbsolutePath();
        Path out = Path.of(args[2]).toAbsolutePath();
        int threads = Integer.parseInt(args[3]);
        Files.createDirectories(out);
        List<String[]> jobs = new ArrayList<>(); // name, select
        TreeSet<String> ehrTables = new TreeSet<>();
        if (Files.isDirectory(drop.resolve("ehr"))) {
            try (Stream<Path> s = Files.walk(drop.resolve("ehr"), 3)) {
                s.filter(p -> p.toString().endsWith(".csv")).forEach(p -> ehrTables.add(p.getFileName().toString()));
            }
        }
        for (String f : ehrTables) {
            jobs.add(new String[] {"ehr_" + f.replace(".csv", ""), "select * from read_csv('" + drop + "/ehr/*/*/" + f
                    + "', union_by_name = true, filename = true, header = true)"});
        }
        jobs.add(new String[] {"participants", "select * from read_csv('" + drop + "/participants/*.csv', header = true)"});
        try (Stream<Path> s = Files.list(vocab)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
                    jobs.add(new String[] {"vocabulary_" + name.replaceAll("\\.csv(\\.gz)?$", ""),
                            "select * from read_csv('" + p + "', header = true, quote = '')"});
                }
            }
        }
        if (hasFiles(drop.resolve("surveys"), ".ndjson")) {
            jobs.add(new String[] {"survey_answers", "with q as (select id, questionnaire, subject.reference as subject, "
                    + "authored, unnest(item) as it from read_ndjson('" + drop + "/surveys/*.ndjson', union_by_name = true)), "
                    + "a as (select id, questionnaire, subject, authored, it.linkId as link_id, unnest(it.answer) as ans "
                    + "from q) select id, questionnaire, subject, authored, link_id, unnest(ans) from a"});
        }
        if (hasFiles(drop.resolve("physical_measurements"), ".ndjson")) {
            jobs.add(new String[] {"physical_measurements", "with b as (select id, unnest(entry) as e from read_ndjson('"
                    + drop + "/physical_measurements/*.ndjson', union_by_name = true)) select id, unnest(e.resource) from b"});
        }
        if (Files.isDirectory(drop.resolve("fitbit"))) {
            String fb = drop + "/fitbit/*/";
            String minute = "STRUCT(\"time\" VARCHAR, \"value\" INTEGER)[]";
            jobs.add(new String[] {"fitbit_heart_rate", "select filename, h[1].dateTime as date, "
                    + "h[1].value.restingHeartRate as resting_heart_rate, unnest(i.dataset, recursive := true) from read_json('"
                    + fb + "activities-heart-2*.json', filename = true, columns = {'activities-heart': "
                    + "'STRUCT(dateTime VARCHAR, value STRUCT(restingHeartRate INTEGER, heartRateZones STRUCT(caloriesOut DOUBLE, "
                    + "max INTEGER, min INTEGER, minutes INTEGER, name VARCHAR)[]))[]', 'activities-heart-intraday': "
                    + "'STRUCT(dataset " + minute + ")'}) as t(h, i, filename)"});
            jobs.add(new String[] {"fitbit_steps", "select filename, s[1].dateTime as date, s[1].value as steps, "
                    + "unnest(i.dataset, recursive := true) from read_json('" + fb + "activities-steps-2*.json', "
                    + "filename = true, columns = {'activities-steps': 'STRUCT(dateTime VARCHAR, value VARCHAR)[]', "
                    + "'activities-steps-intraday': 'STRUCT(dataset " + minute + ")'}) as t(s, i, filename)"});
            jobs.add(new String[] {"fitbit_activity", "select filename, unnest(summary) from read_json('" + fb
                    + "activities-2*.json', filename = true, columns = {summary: 'STRUCT(activityCalories INTEGER, "
                    + "caloriesBMR INTEGER, caloriesOut INTEGER, elevation DOUBLE, fairlyActiveMinutes INTEGER, floors INTEGER, "
                    + "lightlyActiveMinutes INTEGER, marginalCalories INTEGER, sedentaryMinutes INTEGER, steps INTEGER, "
                    + "veryActiveMinutes INTEGER)'})"});
            jobs.add(new String[] {"fitbit_sleep_levels", "with s as (select filename, unnest(sleep) as s from read_json('"
                    + fb + "sleep-2*.json', filename = true, columns = {sleep: 'STRUCT(dateOfSleep VARCHAR, logId BIGINT, "
                    + "isMainSleep BOOLEAN, duration BIGINT, efficiency INTEGER, minutesAsleep INTEGER, timeInBed INTEGER, "
                    + "levels STRUCT(data STRUCT(dateTime VARCHAR, level VARCHAR, seconds INTEGER)[]))[]'})) "
                    + "select filename, s.dateOfSleep, s.logId, s.isMainSleep, s.duration, s.efficiency, s.minutesAsleep, "
                    + "s.timeInBed, unnest(s.levels.data, recursive := true) from s"});
            jobs.add(new String[] {"fitbit_devices", "select filename, unnest(d, recursive := true) from read_json('" + fb
                    + "devices.json', filename = true, format = 'unstructured', columns = {d: 'STRUCT(battery VARCHAR, "
                    + "batteryLevel VARCHAR, deviceVersion VARCHAR, id VARCHAR, lastSyncTime VARCHAR, type VARCHAR)[]'}) "
                    + "as t(d, filename)"});
        }
        long total = System.nanoTime();
        long rows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("set threads = " + threads);
            // DuckDB's own advice for bulk conversion; with insertion order kept, 18,000 small JSON files take 30x longer
            st.execute("set preserve_insertion_order = false");
            for (String[] job : jobs) {
                long t0 = System.nanoTime();
                String target = out.resolve(job[0] + ".parquet").toString();
                long n;
                try {
                    st.execute("copy (" + job[1] + ") to '" + target + "' (format parquet, compression zstd)");
                    try (ResultSet rs = st.executeQuery("select count(*) from '" + target + "'")) {
                        rs.next();
                        n = rs.getLong(1);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(job[0] + ": " + e.getMessage(), e);
                }
                rows += n;
                System.out.printf(Locale.ROOT, "  duckdb %-34s %12d rows %8.2f s%n", job[0], n, (System.nanoTime() - t0) / 1e9);
            }
        }
        System.out.printf(Locale.ROOT, "duckdb conversion: %d rows in %.2f s%n", rows, (System.nanoTime() - total) / 1e9);
    }

    private static boolean hasFiles(Path dir, String suffix) throws Exception {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.toString().endsWith(suffix));
        }
    }
}
