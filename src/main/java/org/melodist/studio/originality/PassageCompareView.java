package org.melodist.studio.originality;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.melodist.originality.PassageComparison;
import org.melodist.song.PitchNames;

/**
 * A shared passage side by side with its source, on the piano roll's grid and colours: the musician's
 * notes in the upper lane, the source's (moved into the same key and onto the same beats) in the lower
 * lane, one pitch scale for both; shared notes are drawn solid, the others faint.
 */
public final class PassageCompareView extends Region {

    private static final Color BACKGROUND = Color.web("#1b1c20");
    private static final Color LANE = Color.web("#24262b");
    private static final Color BEAT_LINE = Color.web("#3a3d44");
    private static final Color BAR_LINE = Color.web("#5a5e68");
    private static final Color MINE = Color.web("#4fa3ff");
    private static final Color SOURCE = Color.web("#ffb84d");
    private static final Color TEXT = Color.web("#c9ccd3");
    private static final double LABEL_W = 44;
    private static final double GAP = 14;

    private final Canvas canvas = new Canvas();
    private PassageComparison comparison;

    public PassageCompareView() {
        getChildren().add(canvas);
        setId("originality-compare");
        setPrefSize(760, 320);
        setMinSize(300, 160);
    }

    public void show(PassageComparison c) {
        comparison = c;
        requestLayout();
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        if (comparison == null || w < 50 || h < 50) {
            return;
        }
        int lo = 127;
        int hi = 0;
        for (List<PassageComparison.Bar> lane : List.of(comparison.query(), comparison.source())) {
            for (PassageComparison.Bar b : lane) {
                lo = Math.min(lo, b.pitch());
                hi = Math.max(hi, b.pitch());
            }
        }
        lo -= 1;
        hi += 1;
        double laneH = (h - GAP) / 2;
        double from = Math.floor(comparison.fromBeat());
        double to = Math.ceil(comparison.toBeat());
        double xScale = (w - LABEL_W - 4) / Math.max(1, to - from);
        lane(g, comparison.query(), 0, laneH, lo, hi, from, xScale, MINE, "yours");
        lane(g, comparison.source(), laneH + GAP, laneH, lo, hi, from, xScale, SOURCE,
                String.format(Locale.ROOT, "%+d", comparison.transposition()));
    }

    private void lane(GraphicsContext g, List<PassageComparison.Bar> bars, double top, double height, int lo, int hi,
                      double from, double xScale, Color colour, String label) {
        double w = canvas.getWidth();
        g.setFill(LANE);
        g.fillRect(LABEL_W, top, w - LABEL_W, height);
        double rowH = height / (hi - lo + 1);
        for (double beat = from; LABEL_W + (beat - from) * xScale <= w; beat += 1) {
            double x = LABEL_W + (beat - from) * xScale;
            g.setStroke(((long) beat) % 4 == 0 ? BAR_LINE : BEAT_LINE);
            g.strokeLine(x + 0.5, top, x + 0.5, top + height);
        }
        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(label, 4, top + 2);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(PitchNames.name(lo + 1), 4, top + height - 2);
        for (PassageComparison.Bar b : bars) {
            double x = LABEL_W + (b.startBeat() - from) * xScale;
            double y = top + (hi - b.pitch()) * rowH;
            double len = Math.max(2, b.lengthBeats() * xScale - 1);
            g.setFill(b.shared() ? colour : colour.deriveColor(0, 1, 1, 0.3));
            g.fillRect(x, y + 1, len, Math.max(2, rowH - 2));
        }
    }
}
