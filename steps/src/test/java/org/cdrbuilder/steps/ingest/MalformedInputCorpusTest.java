package org.cdrbuilder.steps.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.quarantine.QuarantineWriter;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.LocalStageRunner;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.testing.TestSettings;
import org.cdrbuilder.steps.testing.MalformedInputs;
import org.cdrbuilder.steps.testing.MalformedInputs.Case;
import org.cdrbuilder.steps.testing.MalformedInputs.Outcome;
import org.cdrbuilder.steps.testing.MiniDrop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Every case of the malformed-input corpus, read by the real ingest of one drop: each ends as its case says
 * (quarantined with its reason, staged, ignored with its reason, or the drop refused), no case crashes the build,
 * and every unit accounts for every record its files hold (read = staged + quarantined + removed by a named rule).
 */
class MalformedInputCorpusTest {
    @TempDir
    static Path tmp;
    static BuildContext ctx;
    static final List<Case> EHR = MalformedInputs.ehr();
    static final List<Case> LAYOUT = MalformedInputs.layout();
    static final List<Case> SURVEYS = MalformedInputs.surveys();
    static final List<Case> REGISTRY = MalformedInputs.registryRows();
    static final Map<String, UnitReport> reports = new TreeMap<>();
    /** Quarantine rows: "file|line" to reason, "file" to count. */
    static final Map<String, String> quarantinedAt = new TreeMap<>();
    static final Map<String, Long> quarantinedIn = new TreeMap<>();
    static List<Map<String, String>> ignored;

    @BeforeAll
    static void ingest() throws Exception {
        Path drop = tmp.resolve("drop");
        StringBuilder registry = new StringBuilder(MiniDrop.REGISTRY_HEADER).append('\n');
        registry.append("P1001,Alice,Zebulon,alice@example.org,555-0101,1 Main St,10001,NY,1970-03-04,2019-01-01,yes,")
                .append("2019-01-01,,,site_a,core_participant,2019-02-01,2019-02-01\n");
        for (Case c : REGISTRY) {
            registry.append(new String(c.bytes(), java.nio.charset.StandardCharsets.UTF_8)).append('\n');
        }
        Files.createDirectories(drop.resolve("participants"));
        Files.writeString(drop.resolve("participants/participants.csv"), registry);
        for (Case c : EHR) {
            MalformedInputs.write(drop, c);
        }
        for (Case c : LAYOUT) {
            MalformedInputs.write(drop, c);
        }
        for (Case c : SURVEYS) {
            MalformedInputs.write(drop, c);
        }
        for (Map.Entry<String, byte[]> f : MalformedInputs.fitbit().entrySet()) {
            Files.createDirectories(drop.resolve(f.getKey()).getParent());
            Files.write(drop.resolve(f.getKey()), f.getValue());
        }
        // a symbolic link that leads out of the drop
        Path outside = Files.createDirectories(tmp.resolve("elsewhere/2024-01-01-v1"));
        Files.writeString(outside.resolve("condition_occurrence.csv"), MalformedInputs.class.getSimpleName());
        Files.createSymbolicLink(drop.resolve("ehr/l_symlink"), tmp.resolve("elsewhere"));
        ctx = new BuildContext(TestSettings.of(tmp, drop, MiniDrop.vocabulary(tmp.resolve("vocab"))));
        new LocalStageRunner(ctx).run(new VocabularyStage(), new IngestStage());
        for (UnitReport r : ctx.layout().reports(IngestStage.NAME)) {
            reports.put(r.unit, r);
            Path q = ctx.layout().quarantine(IngestStage.NAME, r.unit);
            if (Files.isRegularFile(q)) {
                RowParquetReader.forEach(List.of(q), QuarantineWriter.table(), Set.of("file", "line", "field", "reason"),
                        row -> {
                            String file = (String) row.get("file");
                            quarantinedIn.merge(file, 1L, Long::sum);
                            quarantinedAt.put(file + "|" + row.get("line"),
                                    (row.get("field") == null ? "" : row.get("field") + ": ") + row.get("reason"));
                        });
            }
        }
        ignored = WorkLayout.JSON.readValue(ctx.layout().state(IngestStage.IGNORED_STATE).toFile(),
                new TypeReference<List<Map<String, String>>>() { });
    }

    @Test
    void theCorpusHasMoreThanAHundredCases_ofEveryKind() {
        int refused = MalformedInputs.refusedRegistries().size();
        int fitbit = MalformedInputs.fitbit().size() + 1; // and the symbolic link
        assertThat(EHR.size() + LAYOUT.size() + SURVEYS.size() + REGISTRY.size() + refused + fitbit).isGreaterThanOrEqualTo(100);
        assertThat(EHR).extracting(Case::category).contains("csv", "dates", "numbers");
        Map<Outcome, Long> byOutcome = new TreeMap<>();
        for (List<Case> l : List.of(EHR, LAYOUT, SURVEYS, REGISTRY)) {
            l.forEach(c -> byOutcome.merge(c.outcome(), 1L, Long::sum));
        }
        byOutcome.merge(Outcome.REFUSED, (long) refused, Long::sum);
        System.out.println("malformed-input corpus: " + byOutcome + " and " + fitbit + " Fitbit and link cases");
        assertThat(byOutcome.keySet()).containsExactlyInAnyOrder(Outcome.values());
    }

    @Test
    void ehrFiles_endAsTheirCaseSays_withEveryRecordAccountedFor() {
        List<String> wrong = new ArrayList<>();
        for (Case c : EHR) {
            UnitReport r = reports.get("ehr." + c.site() + ".condition_occurrence");
            if (r == null) {
                wrong.add(c.name() + ": no ingest unit");
                continue;
            }
            UnitReport.TableCounts t = r.tables.get("condition_occurrence");
            String file = c.file();
            long quarantined = quarantinedIn.getOrDefault(file, 0L);
            if (t.in != c.rows() || t.quarantined != c.quarantined() || t.out != c.rows() - c.quarantined()
                    || quarantined != c.quarantined()) {
                wrong.add(c.name() + ": read " + t.in + " (expected " + c.rows() + "), quarantined " + t.quarantined
                        + " (expected " + c.quarantined() + "), staged " + t.out + "; " + quarantinedAt);
            }
            if (c.reason() != null && quarantinedAt.entrySet().stream()
                    .noneMatch(e -> e.getKey().startsWith(file + "|") && containsAll(e.getValue(), c.reason()))) {
                wrong.add(c.name() + ": no quarantine reason with '" + c.reason() + "': " + quarantinedAt.entrySet()
                        .stream().filter(e -> e.getKey().startsWith(file + "|")).toList());
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static boolean containsAll(String text, String fragments) {
        for (String f : fragments.split("\\|")) {
            if (!text.contains(f)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void layoutCases_areIgnoredWithTheirReason_andTheRealSubmissionIsRead() {
        for (Case c : LAYOUT) {
            String path = c.file().endsWith("/") ? c.file().substring(0, c.file().length() - 1) : c.file();
            if (c.outcome() == Outcome.IGNORED) {
                assertThat(ignored).as(c.name()).anySatisfy(i -> {
                    assertThat(path).startsWith(i.get("relativePath"));
                    assertThat(i.get("reason")).contains(c.reason());
                });
            }
        }
        assertThat(reports.get("ehr.l_dates.condition_occurrence").tables.get("condition_occurrence").out).isEqualTo(1);
        assertThat(reports.get("ehr.l_dates.condition_occurrence").file).isEqualTo("ehr/l_dates/2026-09-15-v1/condition_occurrence.csv");
        assertThat(ignored).anySatisfy(i -> {
            assertThat(i.get("relativePath")).isEqualTo("ehr/l_symlink");
            assertThat(i.get("reason")).contains("symbolic link pointing outside the drop");
        });
        assertThat(reports.keySet()).noneMatch(u -> u.contains("l_symlink"));
    }

    @Test
    void surveyLines_areQuarantinedWithFileLineAndReason() {
        List<String> wrong = new ArrayList<>();
        for (Case c : SURVEYS) {
            String reason = quarantinedAt.get(c.file() + "|1");
            if (reason == null || (c.reason() != null && !reason.contains(c.reason()))) {
                wrong.add(c.name() + ": " + reason);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void registryRows_quarantineOnlyForFieldsThatDecide_andDropOtherBadValues() {
        UnitReport r = reports.get("registry");
        UnitReport.TableCounts t = r.tables.get(RegistryIngest.TABLE);
        long bad = REGISTRY.stream().filter(c -> c.outcome() == Outcome.QUARANTINED).count();
        assertThat(t.in).isEqualTo(REGISTRY.size() + 1);
        assertThat(t.quarantined).isEqualTo(bad);
        assertThat(t.out).isEqualTo(REGISTRY.size() + 1 - bad);
        for (int i = 0; i < REGISTRY.size(); i++) {
            Case c = REGISTRY.get(i);
            String at = quarantinedAt.get("participants/participants.csv|" + (i + 3));
            if (c.outcome() == Outcome.QUARANTINED) {
                assertThat(at).as(c.name()).contains(c.reason());
            } else {
                assertThat(at).as(c.name()).isNull();
                if (c.reason() != null) {
                    assertThat(r.valuesDropped).as(c.name()).hasEntrySatisfying(
                            r.valuesDropped.keySet().stream().filter(k -> k.startsWith(c.reason())).findFirst()
                                    .orElse(c.reason()), n -> assertThat(n).isEqualTo(1L));
                }
            }
        }
    }

    @Test
    void fitbit_duplicateDownloadsAreRemovedByTheirRule_brokenFilesQuarantined() {
        UnitReport r = reports.values().stream().filter(u -> "fitbit".equals(u.sourceKind)).findFirst().orElseThrow();
        UnitReport.TableCounts minutes = r.tables.get("heart_rate_minute_level");
        assertThat(minutes.in).isEqualTo(4);
        assertThat(minutes.out).isEqualTo(2); // the -50 is staged here; fitbit_values_implausible removes it later
        assertThat(minutes.removed).containsExactly(Map.entry(IngestStage.FITBIT_DUPLICATE_DOWNLOADS, 2L));
        assertThat(quarantinedIn).containsKey("fitbit/P1001/activities-heart-2020-05-02.json");
    }

    @Test
    void everyUnit_accountsForEveryRecord() {
        for (UnitReport r : reports.values()) {
            r.tables.forEach((table, t) -> assertThat(t.in).as(r.unit + " " + table)
                    .isEqualTo(t.out + t.quarantined + t.removedTotal()));
        }
    }

    @Test
    void unusableRegistries_refuseTheDrop() throws Exception {
        for (Map.Entry<String, byte[]> e : MalformedInputs.refusedRegistries().entrySet()) {
            Path dir = tmp.resolve("refused-" + e.getKey());
            Path drop = dir.resolve("drop");
            Files.createDirectories(drop.resolve("participants"));
            Files.write(drop.resolve("participants/participants.csv"), e.getValue());
            BuildContext c = new BuildContext(TestSettings.of(dir, drop, MiniDrop.vocabulary(dir.resolve("vocab"))));
            assertThatThrownBy(() -> new IngestStage().plan(c)).as(e.getKey())
                    .isInstanceOf(InputsRejectedException.class).hasMessageContaining("participants/participants.csv");
        }
    }
}
