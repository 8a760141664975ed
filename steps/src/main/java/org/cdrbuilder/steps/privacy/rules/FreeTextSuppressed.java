package org.cdrbuilder.steps.privacy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.ChangedColumns;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.privacy.Generalizer;
import org.cdrbuilder.steps.privacy.PrivacyTables;

import com.google.auto.service.AutoService;

/**
 * Free text never reaches a release. Every text column is emptied unless it is provably not free text: listed in
 * the profile's {@code keep_text_columns} (enumerations), or a source value that is the code of a concept in the
 * vocabulary ({@code X_source_value} equal to the code of {@code X_source_concept_id}, a PPI answer code, a UCUM
 * unit). {@code value_as_string} and everything else (stop reasons, sig, lot numbers, device serials, names of
 * visits...) is emptied: a default that can only err on the side of removing.
 */
@AutoService(CleaningRule.class)
public final class FreeTextSuppressed implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.privacy("free_text_suppressed",
            "Empties every text value that is not provably a code or an enumeration (value_as_string, stop reasons, "
                    + "sig, serial numbers, uncoded source values).", allTables(), "source_values_truncated");

    private final Map<String, List<Check>> checks = new ConcurrentHashMap<>();

    /** How one text column of a table is judged. */
    private record Check(int column, int sourceConcept, String vocabulary) {
    }

    static List<String> allTables() {
        List<String> t = new ArrayList<>(PrivacyTables.PERSON_ROWS);
        return t;
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** Text columns, except those the profile keeps and the device ids the mask wrote. */
    @Override
    public ChangedColumns changes() {
        return (table, column, profile) -> column.type().isText()
                && (profile == null || !profile.keepTextColumns.contains(column.name()))
                && !(profile != null && profile.maskDeviceIds && table.name().equals("device")
                        && column.name().equals("device_id"));
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        List<Check> cs = checks.computeIfAbsent(row.table().name(), t -> checksFor(row.table(), ctx));
        List<Integer> clear = null;
        for (Check c : cs) {
            Object v = row.get(c.column);
            if (v != null && !isCode((String) v, c, row, ctx.vocabulary()) && !isZipPrefix((String) v, c, row, ctx)) {
                if (clear == null) {
                    clear = new ArrayList<>();
                }
                clear.add(c.column);
            }
        }
        if (clear == null) {
            return Verdict.KEEP;
        }
        List<Integer> cols = clear;
        return Verdict.change("free text suppressed", r -> cols.forEach(i -> r.set(i, null)));
    }

    private static List<Check> checksFor(TableDef table, RuleContext ctx) {
        List<Check> out = new ArrayList<>();
        List<String> keep = ctx.tier().profile().keepTextColumns;
        for (int i = 0; i < table.columnCount(); i++) {
            ColumnDef c = table.column(i);
            if (!c.type().isText() || keep.contains(c.name())) {
                continue;
            }
            if (table.name().equals("device") && c.name().equals("device_id") && ctx.tier().profile().maskDeviceIds) {
                continue; // the mask fitbit_device_ids_masked wrote (it runs first)
            }
            String name = c.name();
            int source = -1;
            String vocabulary = null;
            if (name.endsWith("_source_value")) {
                String prefix = name.substring(0, name.length() - "_source_value".length());
                source = table.indexOfOrMinus1(prefix + "_source_concept_id");
                if (source < 0) {
                    source = table.indexOfOrMinus1(prefix + "_concept_id"); // e.g. state_of_residence
                }
                if (prefix.equals("unit")) {
                    vocabulary = "UCUM";
                } else if (prefix.equals("value")) {
                    vocabulary = "PPI";
                }
            }
            out.add(new Check(i, source, vocabulary));
        }
        return out;
    }

    /** The three digits a tier keeps of a ZIP code answer (zip_code: first3). */
    private static boolean isZipPrefix(String value, Check c, Row row, RuleContext ctx) {
        return value.length() == 3 && Character.isDigit(value.charAt(0)) && Character.isDigit(value.charAt(1))
                && Character.isDigit(value.charAt(2)) && ctx.tier().profile().zipCode.equals("first3")
                && row.table().column(c.column).name().equals("value_as_string")
                && Generalizer.answers(row, ctx.tier().generalization().zip.question);
    }

    private static boolean isCode(String value, Check c, Row row, Vocabulary vocabulary) {
        if (c.sourceConcept >= 0 && row.get(c.sourceConcept) instanceof Integer concept && concept != 0) {
            String vocab = vocabulary.vocabularyId(concept);
            if (vocab != null) {
                OptionalInt byCode = vocabulary.conceptByCode(vocab, value);
                if (byCode.isPresent() && byCode.getAsInt() == concept) {
                    return true;
                }
            }
        }
        return c.vocabulary != null && vocabulary.conceptByCode(c.vocabulary, value).isPresent();
    }
}
