package org.cdrbuilder.steps.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class DistributionTest {
    @Test
    void percentiles_followAchilles_smallestValueWhoseCumulativeCountReachesTheShare() {
        int[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(Distribution.percentile(sorted, 10)).isEqualTo(1);
        assertThat(Distribution.percentile(sorted, 25)).isEqualTo(3);
        assertThat(Distribution.percentile(sorted, 50)).isEqualTo(5);
        assertThat(Distribution.percentile(sorted, 75)).isEqualTo(8);
        assertThat(Distribution.percentile(sorted, 90)).isEqualTo(9);
    }

    @Test
    void of_needsTheCellSize_andTrimsMinAndMaxToIt() {
        int[] values = IntStream.rangeClosed(1, 30).map(i -> 31 - i).toArray();
        assertThat(Distribution.of(values, 19, 20)).isNull();
        Distribution d = Distribution.of(values, 30, 20);
        assertThat(d.count()).isEqualTo(30);
        assertThat(d.minValue()).as("20th lowest").isEqualTo(20);
        assertThat(d.maxValue()).as("20th highest").isEqualTo(11);
        assertThat(d.avgValue()).isEqualTo(15.5);
        assertThat(d.stdevValue()).as("sample standard deviation").isCloseTo(8.8034, within(1e-4));
        assertThat(d.medianValue()).isEqualTo(15);
    }
}
