package org.melodist.studio.pianoroll;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.PitchNames;
import org.melodist.song.Song;
import org.melodist.song.Track;

/**
 * Draws the piano roll's layers (grid, ghost notes, notes, ruler, keyboard, velocity lane) onto canvases.
 * Every loop walks only the notes that can be visible, found by binary search, so a frame costs what
 * is on screen rather than the size of the song.
 */
public final class PianoRollPainter {

    /** A drag in progress, drawn over the notes until the mouse is released. */
    public record Preview(List<Note> notes, long deltaTicks, int deltaPitch, long deltaDuration) {
        public static final Preview NONE = new Preview(List.of(), 0, 0, 0);

        public boolean active() {
            return !notes.isEmpty();
        }
    }

    static final Color BACKGROUND = Color.web("#1b1c20");
    static final Color WHITE_ROW = Color.web("#24262b");
    static final Color BLACK_ROW = Color.web("#1d1e22");
    static final Color SCALE_ROW = Color.web("#27313c");
    static final Color TONIC_ROW = Color.web("#2d3a48");
    static final Color BAR_LINE = Color.web("#5a5e68");
    static final Color BEAT_LINE = Color.web("#3a3d44");
    static final Color GRID_LINE = Color.web("#2c2e34");
    static final Color NOTE = Color.web("#4fa3ff");
    static final Color NOTE_BORDER = Color.web("#1c4f85");
    static final Color SELECTED = Color.web("#ffb84d");
    static final Color SELECTED_BORDER = Color.web("#9c6410");
    static final Color GHOST = Color.web("#9aa3b5", 0.28);
    static final Color PLAYHEAD = Color.web("#ff5c5c");
    static final Color LOOP = Color.web("#57d38c", 0.08);
    static final Color LOOP_EDGE = Color.web("#57d38c");
    static final Color TEXT = Color.web("#c9ccd3");
    static final Color RUBBER = Color.web("#ffffff", 0.10);
    static final Color RUBBER_EDGE = Color.web("#ffffff", 0.55);

    private static final boolean[] BLACK = {false, true, false, true, false, false, true, false, true, false, true, false};
    private static final Font SMALL = Font.font("System", 10);

    public static boolean isBlackKey(int pitch) {
        return BLACK[Math.floorMod(pitch, 12)];
    }

    /** Background rows, scale highlighting and the bar/beat/grid lines. */
    public void paintGrid(GraphicsContext g, PianoRollGeometry geo, double w, double h, Song song, Key scale,
                          GridDivision grid) {
        // clearing the whole canvas lets JavaFX drop commands of a frame not yet rendered
        g.clearRect(0, 0, w, h);
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        int top = geo.yToPitch(0);
        int bottom = geo.yToPitch(h);
        double rh = geo.rowHeight();
        for (int p = bottom; p <= top; p++) {
            double y = geo.pitchToY(p);
            Color c;
            if (scale != null && Math.floorMod(p - scale.tonic(), 12) == 0) c = TONIC_ROW;
            else if (scale != null && scale.contains(p)) c = SCALE_ROW;
            else c = isBlackKey(p) ? BLACK_ROW : WHITE_ROW;
            g.setFill(c);
            g.fillRect(0, y, w, rh - 1);
        }
        long[] vis = geo.visibleTicks(w);
        long beat = song.timeSignature().ticksPerBeat(song.ppq());
        long bar = song.ticksPerBar();
        long step = grid.ticks(song.ppq());
        // thin lines only where they are at least a few pixels apart
        drawLines(g, geo, vis, step, h, GRID_LINE, 6);
        drawLines(g, geo, vis, beat, h, BEAT_LINE, 4);
        drawLines(g, geo, vis, bar, h, BAR_LINE, 2);
    }

    private static void drawLines(GraphicsContext g, PianoRollGeometry geo, long[] vis, long every, double h,
                                  Color color, double minGap) {
        if (every <= 0 || every * geo.pixelsPerTick() < minGap) return;
        g.setStroke(color);
        g.setLineWidth(1);
        for (long t = (vis[0] / every) * every; t <= vis[1]; t += every) {
            double x = Math.floor(geo.tickToX(t)) + 0.5;
            g.strokeLine(x, 0, x, h);
        }
    }

    /** The other tracks, faint and without borders. */
    public void paintGhosts(GraphicsContext g, PianoRollGeometry geo, double w, double h, Song song, int edited) {
        g.setFill(GHOST);
        long[] vis = geo.visibleTicks(w);
        for (int t = 0; t < song.tracks().size(); t++) {
            if (t == edited) continue;
            List<Note> notes = song.tracks().get(t).notes();
            paintNoteRects(g, geo, h, notes, PianoRollGeometry.maxDuration(notes), vis);
        }
    }

    /** Extra notes shown faintly, such as generated variations not yet accepted. */
    public void paintGhostNotes(GraphicsContext g, PianoRollGeometry geo, double w, double h, List<Note> notes,
                                Color color) {
        g.setFill(color);
        paintNoteRects(g, geo, h, notes, PianoRollGeometry.maxDuration(notes), geo.visibleTicks(w));
    }

    /** The edited track's notes; selected ones highlighted, and moved with the preview while dragging. */
    public void paintNotes(GraphicsContext g, PianoRollGeometry geo, double w, double h, Track track,
                           long maxDuration, List<Note> selection, Preview preview) {
        long[] vis = geo.visibleTicks(w);
        List<Note> notes = track.notes();
        int[] range = PianoRollGeometry.candidateRange(notes, maxDuration, vis[0], vis[1]);
        Set<Note> selected = new HashSet<>(selection);
        Set<Note> moving = new HashSet<>(preview.notes());
        double rh = geo.rowHeight();
        for (int i = range[0]; i < range[1]; i++) {
            Note n = notes.get(i);
            if (preview.active() && moving.contains(n)) continue;
            drawNote(g, geo, n, rh, h, selected.contains(n));
        }
        for (Note n : preview.notes()) {
            int p = Math.max(0, Math.min(127, n.pitch() + preview.deltaPitch()));
            long start = Math.max(0, n.start() + preview.deltaTicks());
            long dur = Math.max(1, n.duration() + preview.deltaDuration());
            drawNote(g, geo, new Note(p, n.velocity(), start, dur), rh, h, true);
        }
    }

    private static void drawNote(GraphicsContext g, PianoRollGeometry geo, Note n, double rh, double h, boolean sel) {
        double y = geo.pitchToY(n.pitch());
        if (y + rh < 0 || y > h) return;
        double x = geo.tickToX(n.start());
        double nw = Math.max(3, n.duration() * geo.pixelsPerTick());
        // louder notes are drawn more opaque, as the velocity lane shows in detail
        double alpha = 0.55 + 0.45 * n.velocity() / 127.0;
        Color fill = sel ? SELECTED : NOTE;
        g.setFill(Color.color(fill.getRed(), fill.getGreen(), fill.getBlue(), alpha));
        g.fillRect(x, y + 1, nw, rh - 2);
        if (nw > 4 && rh > 5) {
            g.setStroke(sel ? SELECTED_BORDER : NOTE_BORDER);
            g.setLineWidth(1);
            g.strokeRect(Math.floor(x) + 0.5, Math.floor(y + 1) + 0.5, Math.max(1, Math.floor(nw) - 1), Math.max(1, Math.floor(rh - 2) - 1));
        }
        if (rh >= 12 && nw >= 28) {
            g.setFill(sel ? Color.web("#3a2500") : Color.web("#06223f"));
            g.setFont(SMALL);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(PitchNames.name(n.pitch()), x + 3, y + rh - 3);
        }
    }

    private static void paintNoteRects(GraphicsContext g, PianoRollGeometry geo, double h, List<Note> notes,
                                       long maxDuration, long[] vis) {
        int[] range = PianoRollGeometry.candidateRange(notes, maxDuration, vis[0], vis[1]);
        double rh = geo.rowHeight();
        for (int i = range[0]; i < range[1]; i++) {
            Note n = notes.get(i);
            double y = geo.pitchToY(n.pitch());
            if (y + rh < 0 || y > h) continue;
            g.fillRect(geo.tickToX(n.start()), y + 1, Math.max(2, n.duration() * geo.pixelsPerTick()), rh - 2);
        }
    }

    /** Loop region, playhead and rubber band: the layer that changes often, over the notes. */
    public void paintOverlay(GraphicsContext g, PianoRollGeometry geo, double w, double h, long playhead,
                             boolean loopOn, long loopStart, long loopEnd, double[] rubberBand) {
        g.clearRect(0, 0, w, h);
        if (loopEnd > loopStart) {
            double x0 = geo.tickToX(loopStart);
            double x1 = geo.tickToX(loopEnd);
            g.setFill(loopOn ? LOOP : Color.web("#57d38c", 0.06));
            g.fillRect(x0, 0, x1 - x0, h);
        }
        double px = Math.floor(geo.tickToX(playhead)) + 0.5;
        g.setStroke(PLAYHEAD);
        g.setLineWidth(1.5);
        g.strokeLine(px, 0, px, h);
        if (rubberBand != null) {
            double x = Math.min(rubberBand[0], rubberBand[2]);
            double y = Math.min(rubberBand[1], rubberBand[3]);
            double rw = Math.abs(rubberBand[2] - rubberBand[0]);
            double rh = Math.abs(rubberBand[3] - rubberBand[1]);
            g.setFill(RUBBER);
            g.fillRect(x, y, rw, rh);
            g.setStroke(RUBBER_EDGE);
            g.setLineWidth(1);
            g.strokeRect(Math.floor(x) + 0.5, Math.floor(y) + 0.5, rw, rh);
        }
    }

    /** Bar numbers and beat ticks, with the loop region and the playhead marker. */
    public void paintRuler(GraphicsContext g, PianoRollGeometry geo, double w, double h, Song song, long playhead,
                           boolean loopOn, long loopStart, long loopEnd) {
        g.clearRect(0, 0, w, h);
        g.setFill(Color.web("#17181b"));
        g.fillRect(0, 0, w, h);
        long[] vis = geo.visibleTicks(w);
        long bar = song.ticksPerBar();
        long beat = song.timeSignature().ticksPerBeat(song.ppq());
        if (loopEnd > loopStart) {
            double x0 = geo.tickToX(loopStart);
            double x1 = geo.tickToX(loopEnd);
            g.setFill(loopOn ? Color.web("#57d38c", 0.45) : Color.web("#57d38c", 0.15));
            g.fillRect(x0, h * 0.55, x1 - x0, h * 0.45);
            g.setStroke(LOOP_EDGE);
            g.strokeLine(x0, h * 0.55, x0, h);
            g.strokeLine(x1, h * 0.55, x1, h);
        }
        g.setStroke(BEAT_LINE);
        g.setLineWidth(1);
        if (beat * geo.pixelsPerTick() >= 5) {
            for (long t = (vis[0] / beat) * beat; t <= vis[1]; t += beat) {
                double x = Math.floor(geo.tickToX(t)) + 0.5;
                g.strokeLine(x, h * 0.7, x, h);
            }
        }
        // label every bar, or every 2nd, 4th... when bars are narrow
        long labelEvery = 1;
        while (bar * labelEvery * geo.pixelsPerTick() < 32) labelEvery *= 2;
        g.setFont(SMALL);
        g.setTextAlign(TextAlignment.LEFT);
        for (long b = vis[0] / bar; b * bar <= vis[1]; b++) {
            double x = Math.floor(geo.tickToX(b * bar)) + 0.5;
            g.setStroke(BAR_LINE);
            g.strokeLine(x, h * 0.35, x, h);
            if (b % labelEvery == 0) {
                g.setFill(TEXT);
                g.fillText(Long.toString(b + 1), x + 3, h * 0.45);
            }
        }
        double px = geo.tickToX(playhead);
        g.setFill(PLAYHEAD);
        g.fillPolygon(new double[] {px - 6, px + 6, px}, new double[] {0, 0, 9}, 3);
        g.setStroke(Color.web("#101114"));
        g.strokeLine(0, h - 0.5, w, h - 0.5);
    }

    /** The keyboard on the left, with C names, and a mark on rows of the chosen key. */
    public void paintKeyboard(GraphicsContext g, PianoRollGeometry geo, double w, double h, Key scale, int pressed) {
        g.clearRect(0, 0, w, h);
        g.setFill(Color.web("#101114"));
        g.fillRect(0, 0, w, h);
        int top = geo.yToPitch(0);
        int bottom = geo.yToPitch(h);
        double rh = geo.rowHeight();
        for (int p = bottom; p <= top; p++) {
            double y = geo.pitchToY(p);
            boolean black = isBlackKey(p);
            Color c = black ? Color.web("#2a2b30") : Color.web("#d8dadf");
            if (p == pressed) c = NOTE;
            g.setFill(c);
            g.fillRect(0, y, black ? w * 0.62 : w - 1, rh - 1);
            if (black) {
                g.setFill(Color.web("#d8dadf"));
                g.fillRect(w * 0.62, y, w * 0.38 - 1, rh - 1);
            }
            if (scale != null && scale.contains(p)) {
                g.setFill(Math.floorMod(p - scale.tonic(), 12) == 0 ? Color.web("#ffb84d") : Color.web("#4fa3ff", 0.8));
                g.fillRect(w - 5, y + 1, 3, rh - 3);
            }
            if (Math.floorMod(p, 12) == 0 && rh >= 8) {
                g.setFill(Color.web("#30343c"));
                g.setFont(SMALL);
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(PitchNames.name(p), w - 8, y + rh - 2);
            }
        }
    }

    /** One stem per visible note of the edited track, its height the velocity. */
    public void paintVelocityLane(GraphicsContext g, PianoRollGeometry geo, double w, double h, Track track,
                                  long maxDuration, List<Note> selection, Note dragged, int draggedVelocity) {
        g.clearRect(0, 0, w, h);
        g.setFill(Color.web("#17181b"));
        g.fillRect(0, 0, w, h);
        g.setStroke(BEAT_LINE);
        g.strokeLine(0, 0.5, w, 0.5);
        long[] vis = geo.visibleTicks(w);
        List<Note> notes = track.notes();
        int[] range = PianoRollGeometry.candidateRange(notes, maxDuration, vis[0], vis[1]);
        Set<Note> selected = new HashSet<>(selection);
        boolean draggingSelection = dragged != null && selected.contains(dragged);
        for (int i = range[0]; i < range[1]; i++) {
            Note n = notes.get(i);
            boolean sel = selected.contains(n);
            int v = n.velocity();
            if (dragged != null && (n.equals(dragged) || (draggingSelection && sel))) v = draggedVelocity;
            double x = geo.tickToX(n.start());
            double y = velocityToY(v, h);
            g.setStroke(sel ? SELECTED : NOTE);
            g.setLineWidth(2);
            g.strokeLine(x + 1, h, x + 1, y);
            g.setFill(sel ? SELECTED : NOTE);
            g.fillOval(x - 2, y - 3, 6, 6);
        }
    }

    public static double velocityToY(int velocity, double h) {
        return h - 4 - (h - 8) * velocity / 127.0;
    }

    public static int yToVelocity(double y, double h) {
        int v = (int) Math.round((h - 4 - y) / (h - 8) * 127.0);
        return Math.max(1, Math.min(127, v));
    }
}
