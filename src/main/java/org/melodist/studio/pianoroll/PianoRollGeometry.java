package org.melodist.studio.pianoroll;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.melodist.song.Note;
import org.melodist.song.Track;

/**
 * The piano roll's mapping between musical and screen coordinates (tick to x, pitch to y), its zoom and
 * scroll, and the hit testing built on them. Plain Java so that tests can check it without a window.
 * Rows run from pitch 127 at the top to pitch 0 at the bottom.
 */
public final class PianoRollGeometry {

    /** Which part of a note the pointer is on: the body moves it, the right edge resizes it. */
    public enum Part { BODY, END }

    public record Hit(Note note, Part part) {
    }

    public static final double MIN_PIXELS_PER_TICK = 0.005;
    public static final double MAX_PIXELS_PER_TICK = 2.0;
    public static final double MIN_ROW_HEIGHT = 4;
    public static final double MAX_ROW_HEIGHT = 40;
    public static final int ROWS = 128;
    /** Pixels at a note's right edge that grab the edge rather than the body. */
    public static final double EDGE_GRAB = 6;

    private double pixelsPerTick;
    private double rowHeight;
    private double scrollTick;
    private double scrollRow;

    public PianoRollGeometry(double pixelsPerTick, double rowHeight) {
        this.pixelsPerTick = clamp(pixelsPerTick, MIN_PIXELS_PER_TICK, MAX_PIXELS_PER_TICK);
        this.rowHeight = clamp(rowHeight, MIN_ROW_HEIGHT, MAX_ROW_HEIGHT);
    }

    public double pixelsPerTick() {
        return pixelsPerTick;
    }

    public double rowHeight() {
        return rowHeight;
    }

    /** The tick at the left edge of the view. */
    public double scrollTick() {
        return scrollTick;
    }

    /** The row (0 = pitch 127) at the top edge of the view, fractional while scrolling smoothly. */
    public double scrollRow() {
        return scrollRow;
    }

    public void setScrollTick(double tick) {
        scrollTick = Math.max(0, tick);
    }

    public void setScrollRow(double row, double viewHeight) {
        double maxRow = Math.max(0, ROWS - viewHeight / rowHeight);
        scrollRow = clamp(row, 0, maxRow);
    }

    /** Zooms horizontally by {@code factor}, keeping the tick under {@code anchorX} in place. */
    public void zoomX(double factor, double anchorX) {
        double anchorTick = xToTickExact(anchorX);
        pixelsPerTick = clamp(pixelsPerTick * factor, MIN_PIXELS_PER_TICK, MAX_PIXELS_PER_TICK);
        setScrollTick(anchorTick - anchorX / pixelsPerTick);
    }

    /** Zooms vertically by {@code factor}, keeping the row under {@code anchorY} in place. */
    public void zoomY(double factor, double anchorY, double viewHeight) {
        double anchorRow = scrollRow + anchorY / rowHeight;
        rowHeight = clamp(rowHeight * factor, MIN_ROW_HEIGHT, MAX_ROW_HEIGHT);
        setScrollRow(anchorRow - anchorY / rowHeight, viewHeight);
    }

    public double tickToX(long tick) {
        return (tick - scrollTick) * pixelsPerTick;
    }

    public double xToTickExact(double x) {
        return scrollTick + x / pixelsPerTick;
    }

    /** The tick under x, never negative. */
    public long xToTick(double x) {
        return Math.max(0, (long) Math.floor(xToTickExact(x)));
    }

    /** Top edge of the pitch's row. */
    public double pitchToY(int pitch) {
        return (Note.MAX_PITCH - pitch - scrollRow) * rowHeight;
    }

    /** The pitch whose row contains y, clamped to the MIDI range. */
    public int yToPitch(double y) {
        int row = (int) Math.floor(scrollRow + y / rowHeight);
        return (int) clamp(Note.MAX_PITCH - row, Note.MIN_PITCH, Note.MAX_PITCH);
    }

    /** The pitch at the top of a view, for centring a melody when a song opens. */
    public void scrollToPitch(int topPitch, double viewHeight) {
        setScrollRow(Note.MAX_PITCH - topPitch, viewHeight);
    }

    /** The longest note, which bounds how far before the view a note can start and still show. */
    public static long maxDuration(List<Note> notes) {
        long max = 0;
        for (Note n : notes) max = Math.max(max, n.duration());
        return max;
    }

    /**
     * The index range [from, to) of start-sorted notes that may overlap the ticks [fromTick, toTick):
     * found by binary search so that drawing costs what is visible, not the whole track.
     */
    public static int[] candidateRange(List<Note> notes, long maxDuration, long fromTick, long toTick) {
        int from = Track.firstStartingAtOrAfter(notes, Math.max(0, fromTick - maxDuration));
        int to = Track.firstStartingAtOrAfter(notes, toTick + 1);
        return new int[] {from, Math.max(from, to)};
    }

    /** The ticks visible in a view {@code width} pixels wide. */
    public long[] visibleTicks(double width) {
        return new long[] {xToTick(0), (long) Math.ceil(xToTickExact(width))};
    }

    /** The note under (x, y), topmost (latest drawn) first, and whether the pointer is on its right edge. */
    public Optional<Hit> hit(List<Note> notes, long maxDuration, double x, double y) {
        int pitch = yToPitch(y);
        long tick = xToTick(x);
        int[] range = candidateRange(notes, maxDuration, tick, tick);
        for (int i = range[1] - 1; i >= range[0]; i--) {
            Note n = notes.get(i);
            if (n.pitch() != pitch) continue;
            double left = tickToX(n.start());
            double right = tickToX(n.end());
            double visibleRight = Math.max(right, left + 3);
            if (x >= left && x <= visibleRight) {
                boolean edge = visibleRight - x <= Math.min(EDGE_GRAB, (visibleRight - left) / 3);
                return Optional.of(new Hit(n, edge ? Part.END : Part.BODY));
            }
        }
        return Optional.empty();
    }

    /** Notes overlapping the rectangle spanned by two points, as a rubber band selects them. */
    public List<Note> notesInRect(List<Note> notes, long maxDuration, double x0, double y0, double x1, double y1) {
        long fromTick = xToTick(Math.min(x0, x1));
        long toTick = xToTick(Math.max(x0, x1));
        int highPitch = yToPitch(Math.min(y0, y1));
        int lowPitch = yToPitch(Math.max(y0, y1));
        int[] range = candidateRange(notes, maxDuration, fromTick, toTick);
        List<Note> found = new ArrayList<>();
        for (int i = range[0]; i < range[1]; i++) {
            Note n = notes.get(i);
            boolean overlapsTime = n.start() <= toTick && Math.max(n.end(), n.start() + 1) > fromTick;
            if (overlapsTime && n.pitch() >= lowPitch && n.pitch() <= highPitch) found.add(n);
        }
        return found;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
