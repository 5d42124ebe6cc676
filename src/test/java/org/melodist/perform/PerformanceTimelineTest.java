package org.melodist.perform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.melodist.song.Song;
import org.melodist.song.TempoChange;
import org.melodist.song.TempoMap;

class PerformanceTimelineTest {

    @Test
    void followsTempoChangesLoopsAndCountsInBackwards() {
        // 120 BPM for a bar, then 60 BPM
        TempoMap tempo = TempoMap.of(List.of(new TempoChange(0, 120), new TempoChange(1920, 60)));
        PerformanceTimeline t = new PerformanceTimeline(480, tempo, 1.0, 1_000_000, 0, -1, -1);
        assertEquals(960, t.at(2_000_000).tick(), 1e-6);
        assertEquals(1920 + 480, t.at(4_000_000).tick(), 1e-6, "2 s for bar one, then one second per beat");
        assertEquals(-960, t.at(0).tick(), 1e-6, "count-in at the first tempo");
        assertEquals(4_000_000, t.microsAt(2400));
        assertEquals(0, t.microsAt(-960));

        PerformanceTimeline loop = PerformanceTimeline.of(Song.of(480, 120, List.of()), 1.0, 0, 960).withLoop(0, 1920);
        assertEquals(0, loop.at(999_999).pass());
        assertEquals(1, loop.at(1_000_000).pass());
        assertEquals(0, loop.at(1_000_000).tick(), 1e-6);
        assertEquals(2, loop.at(3_500_000).pass());
        assertEquals(480, loop.at(3_500_000).tick(), 1e-6);
    }
}
