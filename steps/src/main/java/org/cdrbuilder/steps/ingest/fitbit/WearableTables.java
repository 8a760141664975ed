package org.cdrbuilder.steps.ingest.fitbit;

import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

/** The wearables tables a Fitbit body fills, as the schema declares them. */
final class WearableTables {
    static final TableDef ACTIVITY_SUMMARY = table("activity_summary");
    static final TableDef HEART_RATE_MINUTE_LEVEL = table("heart_rate_minute_level");
    static final TableDef HEART_RATE_SUMMARY = table("heart_rate_summary");
    static final TableDef STEPS_INTRADAY = table("steps_intraday");
    static final TableDef SLEEP_DAILY_SUMMARY = table("sleep_daily_summary");
    static final TableDef SLEEP_LEVEL = table("sleep_level");
    static final TableDef DEVICE = table("device");

    private WearableTables() {
    }

    private static TableDef table(String name) {
        return CdrSchema.get().table(name);
    }
}
