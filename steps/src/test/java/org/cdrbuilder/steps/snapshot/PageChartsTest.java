package org.cdrbuilder.steps.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PageChartsTest {
    @Test
    void niceStep_givesRoundGridLines() {
        assertThat(PageCharts.niceStep(340)).isEqualTo(100);
        assertThat(PageCharts.niceStep(1000)).isEqualTo(200);
        assertThat(PageCharts.niceStep(7)).isEqualTo(2);
        assertThat(PageCharts.niceStep(0)).isEqualTo(1);
    }

    @Test
    void bars_escapeLabels() {
        String svg = PageCharts.bars(List.of(new PageCharts.Bar("<script>x</script> & co", 20)), 40, "c1");
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;").contains("20 (50.0%)");
    }

    @Test
    void ageBands_labelsAndLookup() {
        List<Integer> bands = List.of(18, 30, 89);
        assertThat(DemographicCounts.band(bands, 17)).isEqualTo(-1);
        assertThat(DemographicCounts.band(bands, 18)).isZero();
        assertThat(DemographicCounts.band(bands, 88)).isEqualTo(1);
        assertThat(DemographicCounts.band(bands, 104)).isEqualTo(2);
        assertThat(DemographicCounts.label(bands, -1)).isEqualTo("under 18");
        assertThat(DemographicCounts.label(bands, 1)).isEqualTo("30-88");
        assertThat(DemographicCounts.label(bands, 2)).isEqualTo("89 and over");
    }
}
