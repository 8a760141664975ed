package org.cdrbuilder.steps.derive;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.core.stage.Stage;
import org.cdrbuilder.core.stage.UnitOutputs;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.stage.WorkUnit;
import org.cdrbuilder.schema.TableDef;

import com.carrotsearch.hppc.LongArrayList;

/**
 * Tables computed from the final clinical data rather than read from sources: {@code observation_period} (and its
 * {@code _ext}). Runs after cleaning so that periods span only the events that are published.
 */
public final class DeriveStage implements Stage {
    public static final String NAME = "derive";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<WorkUnit> plan(BuildContext ctx) {
        return List.of(new WorkUnit("observation_period", Map.of("kind", "observation_period")));
    }

    @Override
    public void run(WorkUnit unit, BuildContext ctx) {
        ReleaseCandidate candidate = new ReleaseCandidate(ctx.layout(), null);
        TableDef person = ctx.schema().table("person");
        LongArrayList ids = new LongArrayList();
        RowParquetReader.forEach(candidate.parts("person"), person, Set.of("person_id"), r -> ids.add(r.getLong(0)));
        ObservationPeriodBuilder b = new ObservationPeriodBuilder(ids.toArray());
        for (String t : ObservationPeriodBuilder.EVENT_TABLES) {
            TableDef table = ctx.schema().table(t);
            candidate.parts(t).forEach(f -> b.add(table, f));
        }
        UnitReport report = new UnitReport();
        report.unit = unit.id();
        report.stage = NAME;
        report.sourceKind = "derived";
        TableDef ext = ctx.schema().table("observation_period_ext");
        try (UnitOutputs out = new UnitOutputs(ctx.layout(), NAME, unit.id(), ctx.settings().workParquet())) {
            UnitReport.TableCounts counts = report.table("observation_period");
            for (Row r : b.periods()) {
                out.write(r);
                out.write(new Row(ext).set("observation_period_id", r.get(0)).set("src_id", "Derived"));
                counts.created++;
                counts.out++;
            }
            out.writer(ctx.schema().table("observation_period"));
            out.writer(ext);
            out.commit();
        }
        ctx.layout().writeReport(NAME, report);
    }

    @Override
    public void complete(BuildContext ctx) {
        new ReleaseCandidate(ctx.layout(), null).register(NAME, List.of("observation_period", "observation_period_ext"));
    }
}
