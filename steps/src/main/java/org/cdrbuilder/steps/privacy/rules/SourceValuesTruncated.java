package org.cdrbuilder.steps.privacy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.core.validate.ValueParser;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.schema.TableGroup;

import com.google.auto.service.AutoService;

/**
 * Source values ({@code *_source_value}) are the source's verbatim text, kept for reference (the concepts are what
 * researchers query), and sources often write more than OMOP CDM 5.4's VARCHAR(50): a drug's full name at an EHR
 * site, a survey answer code such as {@code GrandparentCirculatoryCondition_CoronaryArteryHeartDisease}. Ingest keeps
 * them whole, so that the cleaning rules and the tier's generalizations (which match answer codes) see the value as
 * it came; this rule then cuts them to their column's length, as OMOP ETLs do, instead of losing the row, and
 * free_text_suppressed judges the cut value (a code cut to 50 characters is how a vocabulary with VARCHAR(50) codes
 * holds it). Each cut row is counted per table in the tier's ledger. Other text columns hold codes or identifiers that
 * a cut would turn into another value: too long, they are quarantined at ingest. A cut never splits a surrogate pair;
 * the lengths are the changelog's.
 */
@AutoService(CleaningRule.class)
public final class SourceValuesTruncated implements CleaningRule {
    /** Per table with source values: their columns and lengths. */
    private static final Map<String, List<ColumnDef>> COLUMNS = sourceValueColumns();
    private static final RuleInfo INFO = RuleInfo.privacy("source_values_truncated",
            "Cuts source values (*_source_value) longer than their column (VARCHAR(50) in OMOP CDM 5.4, 100 in "
                    + "survey_conduct) to its length, after the cleaning rules and the tier's generalizations; the "
                    + "rows stay.",
            List.copyOf(COLUMNS.keySet()), "fitbit_device_ids_masked");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** The source value columns of the tables it acts on: what it cuts. */
    @Override
    public org.cdrbuilder.core.rules.ChangedColumns changes() {
        return (table, column, profile) -> COLUMNS.getOrDefault(table.name(), List.of()).stream()
                .anyMatch(c -> c.name().equals(column.name()));
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        List<ColumnDef> columns = COLUMNS.get(row.table().name());
        if (columns == null) {
            return Verdict.KEEP;
        }
        List<ColumnDef> tooLong = null;
        for (ColumnDef c : columns) {
            if (row.get(c.name()) instanceof String s && s.length() > c.maxLength()) {
                if (tooLong == null) {
                    tooLong = new ArrayList<>(2);
                }
                tooLong.add(c);
            }
        }
        if (tooLong == null) {
            return Verdict.KEEP;
        }
        List<ColumnDef> cut = tooLong;
        return Verdict.change("source value longer than its column cut to "
                + String.join(", ", cut.stream().map(c -> c.name() + " (" + c.maxLength() + ")").toList()), r -> {
            for (ColumnDef c : cut) {
                r.set(c.name(), truncate((String) r.get(c.name()), c.maxLength()));
            }
        });
    }

    /** The first {@code maxLength} characters of {@code text}, one fewer rather than half a surrogate pair. */
    static String truncate(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        int end = maxLength;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    private static Map<String, List<ColumnDef>> sourceValueColumns() {
        Map<String, List<ColumnDef>> out = new TreeMap<>();
        for (TableDef t : CdrSchema.get().tables()) {
            if (t.group() != TableGroup.OMOP && t.group() != TableGroup.EXT) {
                continue;
            }
            List<ColumnDef> cols = t.columns().stream()
                    .filter(c -> ValueParser.isSourceValue(c) && c.maxLength() > 0).toList();
            if (!cols.isEmpty()) {
                out.put(t.name(), cols);
            }
        }
        return out;
    }
}
