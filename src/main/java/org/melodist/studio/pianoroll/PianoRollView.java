package org.melodist.studio.pianoroll;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;

import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.PitchNames;
import org.melodist.song.Song;
import org.melodist.song.Track;

/**
 * The piano roll: keyboard, ruler, note grid, velocity lane and scroll bars, turning mouse and keys into
 * {@link PianoRollViewModel} commands. A drag is previewed here and becomes one edit on release, so
 * undo takes back a whole gesture. Drawing is done by {@link PianoRollPainter}.
 */
public final class PianoRollView extends BorderPane {

    public static final double KEYBOARD_WIDTH = 64;
    public static final double RULER_HEIGHT = 26;
    public static final double VELOCITY_HEIGHT = 72;
    private static final double DRAG_THRESHOLD = 4;

    private enum Gesture { NONE, PENDING_DRAW, RUBBER_BAND, MOVE, RESIZE }

    private final PianoRollViewModel vm;
    private final PianoRollGeometry geo = new PianoRollGeometry(0.12, 12);
    private final PianoRollPainter painter = new PianoRollPainter();
    private final Canvas gridCanvas = new Canvas();
    private final Canvas overlayCanvas = new Canvas();
    private final Canvas rulerCanvas = new Canvas();
    private final Canvas keyboardCanvas = new Canvas();
    private final Canvas velocityCanvas = new Canvas();
    private final ResizableCanvasPane notesPane;
    private final ScrollBar hScroll = new ScrollBar();
    private final ScrollBar vScroll = new ScrollBar();
    private final Label hoverLabel = new Label();
    private final GridPane grid = new GridPane();
    private final List<Runnable> repaintListeners = new ArrayList<>();
    private List<Note> ghostVariation = List.of();
    private List<Note> liveNotes = List.of();
    private List<Note> modelNotes = List.of();
    private IntConsumer auditioner = p -> { };

    private boolean repaintQueued;
    private boolean syncingScrollBars;
    private List<Note> cachedNotes;
    private long cachedMaxDuration;
    private int pressedKey = -1;

    // gesture state (view-only: it becomes one edit when the mouse is released)
    private Gesture gesture = Gesture.NONE;
    private double pressX;
    private double pressY;
    private Note anchor;
    private double[] rubberBand;
    private PianoRollPainter.Preview preview = PianoRollPainter.Preview.NONE;
    private double rulerPressX;
    private boolean rulerDragged;
    private Note velocityNote;
    private int velocityValue;

    public PianoRollView(PianoRollViewModel vm) {
        this.vm = vm;
        getStyleClass().add("piano-roll");
        notesPane = new ResizableCanvasPane(this::repaintNow, gridCanvas, overlayCanvas);
        notesPane.setId("piano-roll-notes");
        notesPane.setFocusTraversable(true);
        notesPane.getStyleClass().add("piano-roll-notes");
        ResizableCanvasPane rulerPane = new ResizableCanvasPane(this::repaintNow, rulerCanvas);
        rulerPane.setId("piano-roll-ruler");
        ResizableCanvasPane keyboardPane = new ResizableCanvasPane(this::repaintNow, keyboardCanvas);
        keyboardPane.setId("piano-roll-keyboard");
        ResizableCanvasPane velocityPane = new ResizableCanvasPane(this::repaintNow, velocityCanvas);
        velocityPane.setId("piano-roll-velocity");

        Label velocityLabel = new Label("Velocity");
        velocityLabel.getStyleClass().add("lane-label");
        Pane corner = new Pane();
        corner.getStyleClass().add("roll-corner");

        grid.getColumnConstraints().addAll(fixedColumn(KEYBOARD_WIDTH), growColumn(), new ColumnConstraints());
        grid.getRowConstraints().addAll(fixedRow(RULER_HEIGHT), growRow(), fixedRow(VELOCITY_HEIGHT), new RowConstraints());
        grid.add(corner, 0, 0);
        grid.add(rulerPane, 1, 0);
        grid.add(keyboardPane, 0, 1);
        grid.add(notesPane, 1, 1);
        grid.add(vScroll, 2, 1);
        grid.add(velocityLabel, 0, 2);
        grid.add(velocityPane, 1, 2);
        grid.add(hScroll, 1, 3);
        vScroll.setOrientation(Orientation.VERTICAL);
        setCenter(grid);
        setTop(toolbar());

        wireModel();
        wireNotesInput();
        wireRulerInput(rulerPane);
        wireKeyboardInput(keyboardPane);
        wireVelocityInput(velocityPane);
        wireScrolling();
    }

    /** Where a click on the keyboard sends its pitch (the sound service, once available). */
    public void setAuditioner(IntConsumer auditioner) {
        this.auditioner = auditioner == null ? p -> { } : auditioner;
    }

    /** Notes shown faintly over the roll (generated variations under audition); empty to hide. */
    public void setGhostVariation(List<Note> notes) {
        ghostVariation = List.copyOf(notes);
        requestRepaint();
    }

    /**
     * Notes played in from a keyboard and not yet in the track (a take being recorded, the jam's phrases),
     * drawn in orange, and the model's answers to them (the jam's answers, Keep going), drawn in teal.
     */
    public void setLiveNotes(List<Note> played, List<Note> model) {
        if (played.equals(liveNotes) && model.equals(modelNotes)) return;
        liveNotes = List.copyOf(played);
        modelNotes = List.copyOf(model);
        requestRepaint();
    }

    /** The notes shown faintly over the roll now. */
    public List<Note> ghostVariation() {
        return ghostVariation;
    }

    public PianoRollGeometry geometry() {
        return geo;
    }

    /** The node that takes the roll's mouse and key input; tests and the shell focus it. */
    public Pane notesArea() {
        return notesPane;
    }

    private ToolBar toolbar() {
        ComboBox<GridDivision> gridBox = new ComboBox<>(FXCollections.observableArrayList(GridDivision.values()));
        gridBox.setId("grid-choice");
        gridBox.valueProperty().bindBidirectional(vm.gridProperty());
        gridBox.setTooltip(new Tooltip("Snap grid and the length of drawn notes (hold Alt while dragging to ignore it)"));

        List<Key> keys = new ArrayList<>();
        keys.add(null);
        for (Key.Mode mode : Key.Mode.values()) {
            for (int tonic = 0; tonic < 12; tonic++) keys.add(new Key(tonic, mode));
        }
        ComboBox<Key> keyBox = new ComboBox<>(FXCollections.observableArrayList(keys));
        keyBox.setId("scale-choice");
        keyBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Key k) {
                return k == null ? "No scale" : k.toString();
            }

            @Override
            public Key fromString(String s) {
                return s == null || s.isBlank() || s.equals("No scale") ? null : Key.parse(s);
            }
        });
        keyBox.valueProperty().bindBidirectional(vm.scaleKeyProperty());
        keyBox.setTooltip(new Tooltip("Highlight the rows of this key's scale"));

        Label zoomHint = new Label("Wheel: scroll · Shift: sideways · Ctrl: zoom · Ctrl+Shift: row height");
        zoomHint.getStyleClass().add("hint");
        hoverLabel.getStyleClass().add("hint");
        hoverLabel.setMinWidth(90);
        return new ToolBar(new Label("Grid"), gridBox, new Label("Scale"), keyBox, hoverLabel, zoomHint);
    }

    private void wireModel() {
        vm.document().songProperty().addListener((obs, o, n) -> {
            updateScrollBars();
            requestRepaint();
        });
        vm.selectionProperty().addListener((obs, o, n) -> requestRepaint());
        vm.trackIndexProperty().addListener((obs, o, n) -> requestRepaint());
        vm.gridProperty().addListener((obs, o, n) -> requestRepaint());
        vm.scaleKeyProperty().addListener((obs, o, n) -> requestRepaint());
        vm.playheadProperty().addListener((obs, o, n) -> {
            followPlayhead(n.longValue());
            requestRepaint();
        });
        vm.loopStartProperty().addListener((obs, o, n) -> requestRepaint());
        vm.loopEndProperty().addListener((obs, o, n) -> requestRepaint());
        vm.loopEnabledProperty().addListener((obs, o, n) -> requestRepaint());
    }

    /** Puts the edited track's notes in view: called after a song is opened. */
    public void scrollToContent() {
        Track t = vm.track();
        double h = notesPane.getHeight() > 0 ? notesPane.getHeight() : 480;
        if (t.notes().isEmpty()) {
            geo.scrollToPitch(84, h);
        } else {
            int hi = t.notes().stream().mapToInt(Note::pitch).max().orElse(72);
            int lo = t.notes().stream().mapToInt(Note::pitch).min().orElse(60);
            int visibleRows = (int) (h / geo.rowHeight());
            int top = visibleRows > hi - lo + 4 ? hi + (visibleRows - (hi - lo)) / 2 : hi + 2;
            geo.scrollToPitch(Math.min(127, top), h);
        }
        geo.setScrollTick(0);
        updateScrollBars();
        requestRepaint();
    }

    /**
     * Scrolls so that these notes are in view (generated variations after their seed), leaving some of
     * what comes before them on the left; does nothing when they are already visible.
     */
    public void reveal(List<Note> notes) {
        if (notes.isEmpty()) return;
        double w = notesPane.getWidth();
        double h = notesPane.getHeight();
        if (w <= 0 || h <= 0) return;
        long from = notes.stream().mapToLong(Note::start).min().orElse(0);
        long to = notes.stream().mapToLong(Note::end).max().orElse(from);
        long[] vis = geo.visibleTicks(w);
        if (from < vis[0] || to > vis[1]) {
            double span = w / geo.pixelsPerTick();
            // the start a third in, so that the seed's end shows too; an overlong range starts at the left
            double lead = Math.min(span / 3, Math.max(0, span - (to - from)));
            geo.setScrollTick(Math.max(0, from - lead));
        }
        int hi = notes.stream().mapToInt(Note::pitch).max().orElse(72);
        int lo = notes.stream().mapToInt(Note::pitch).min().orElse(60);
        if (geo.pitchToY(hi) < 0 || geo.pitchToY(lo) + geo.rowHeight() > h) {
            int visibleRows = (int) (h / geo.rowHeight());
            // centred when they fit; a range taller than the view shows its middle
            int top = hi - lo < visibleRows ? hi + (visibleRows - (hi - lo)) / 2 : (hi + lo) / 2 + visibleRows / 2;
            geo.scrollToPitch(Math.min(127, top), h);
        }
        updateScrollBars();
        requestRepaint();
    }

    // ---- painting -----------------------------------------------------------------------------------

    /** Coalesces repaint requests into one per pulse. */
    public void requestRepaint() {
        if (repaintQueued) return;
        repaintQueued = true;
        Platform.runLater(this::repaintNow);
    }

    /** Paints every layer now; public so that a benchmark can time one frame. */
    public void repaintNow() {
        repaintQueued = false;
        Song song = vm.song();
        Track track = vm.track();
        long maxDur = maxDuration(track.notes());
        double w = gridCanvas.getWidth();
        double h = gridCanvas.getHeight();
        painter.paintGrid(gridCanvas.getGraphicsContext2D(), geo, w, h, song, vm.scaleKeyProperty().get(), vm.gridProperty().get());
        painter.paintGhosts(gridCanvas.getGraphicsContext2D(), geo, w, h, song, vm.editedTrack());
        if (!ghostVariation.isEmpty()) {
            painter.paintGhostNotes(gridCanvas.getGraphicsContext2D(), geo, w, h, ghostVariation, Color.web("#b58cff", 0.55));
        }
        if (!liveNotes.isEmpty()) {
            painter.paintGhostNotes(gridCanvas.getGraphicsContext2D(), geo, w, h, liveNotes, Color.web("#ff9f43", 0.8));
        }
        if (!modelNotes.isEmpty()) {
            painter.paintGhostNotes(gridCanvas.getGraphicsContext2D(), geo, w, h, modelNotes, Color.web("#2ec4b6", 0.75));
        }
        painter.paintNotes(gridCanvas.getGraphicsContext2D(), geo, w, h, track, maxDur, vm.selection(), preview);
        paintOverlay();
        painter.paintRuler(rulerCanvas.getGraphicsContext2D(), geo, rulerCanvas.getWidth(), rulerCanvas.getHeight(),
                song, vm.playheadProperty().get(), vm.loopEnabledProperty().get(), vm.loopStartProperty().get(),
                vm.loopEndProperty().get());
        painter.paintKeyboard(keyboardCanvas.getGraphicsContext2D(), geo, keyboardCanvas.getWidth(),
                keyboardCanvas.getHeight(), vm.scaleKeyProperty().get(), pressedKey);
        painter.paintVelocityLane(velocityCanvas.getGraphicsContext2D(), geo, velocityCanvas.getWidth(),
                velocityCanvas.getHeight(), track, maxDur, vm.selection(), velocityNote, velocityValue);
        for (Runnable r : repaintListeners) r.run();
    }

    /**
     * Puts a lane of the roll's width (the chord lane) between the ruler and the notes, with {@code label} in
     * the keyboard's column; it shares the roll's zoom and scroll ({@link #geometry()}) and is repainted with
     * the roll ({@link #addRepaintListener}).
     */
    public void addLaneUnderRuler(javafx.scene.Node label, javafx.scene.layout.Region lane, double height) {
        for (javafx.scene.Node child : grid.getChildren()) {
            Integer row = GridPane.getRowIndex(child);
            if (row != null && row >= 1) GridPane.setRowIndex(child, row + 1);
        }
        grid.getRowConstraints().add(1, fixedRow(height));
        grid.add(label, 0, 1);
        grid.add(lane, 1, 1);
    }

    /** Runs {@code r} after every repaint of the roll (scrolling, zooming, song changes). */
    public void addRepaintListener(Runnable r) {
        repaintListeners.add(r);
    }

    private void paintOverlay() {
        painter.paintOverlay(overlayCanvas.getGraphicsContext2D(), geo, overlayCanvas.getWidth(), overlayCanvas.getHeight(),
                vm.playheadProperty().get(), vm.loopEnabledProperty().get(), vm.loopStartProperty().get(),
                vm.loopEndProperty().get(), rubberBand);
    }

    private long maxDuration(List<Note> notes) {
        if (notes != cachedNotes) {
            cachedNotes = notes;
            cachedMaxDuration = PianoRollGeometry.maxDuration(notes);
        }
        return cachedMaxDuration;
    }

    // ---- note area input ----------------------------------------------------------------------------

    private void wireNotesInput() {
        notesPane.addEventHandler(MouseEvent.MOUSE_PRESSED, this::notesPressed);
        notesPane.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::notesDragged);
        notesPane.addEventHandler(MouseEvent.MOUSE_RELEASED, this::notesReleased);
        notesPane.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            Optional<PianoRollGeometry.Hit> hit = hitAt(e.getX(), e.getY());
            notesPane.setCursor(hit.map(h -> h.part() == PianoRollGeometry.Part.END ? Cursor.H_RESIZE : Cursor.MOVE)
                    .orElse(Cursor.DEFAULT));
            long tick = geo.xToTick(e.getX());
            long bar = tick / vm.song().ticksPerBar() + 1;
            hoverLabel.setText(PitchNames.name(geo.yToPitch(e.getY())) + "  bar " + bar);
        });
    }

    private Optional<PianoRollGeometry.Hit> hitAt(double x, double y) {
        List<Note> notes = vm.track().notes();
        return geo.hit(notes, maxDuration(notes), x, y);
    }

    private void notesPressed(MouseEvent e) {
        notesPane.requestFocus();
        pressX = e.getX();
        pressY = e.getY();
        Optional<PianoRollGeometry.Hit> hit = hitAt(e.getX(), e.getY());
        if (e.getButton() == MouseButton.SECONDARY) {
            hit.ifPresent(h -> {
                vm.selectOnly(List.of(h.note()));
                vm.deleteSelection();
            });
            gesture = Gesture.NONE;
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) return;
        if (hit.isPresent()) {
            Note n = hit.get().note();
            if (e.isShiftDown()) {
                vm.click(n, true);
                gesture = Gesture.NONE;
                return;
            }
            if (!vm.isSelected(n)) vm.click(n, false);
            anchor = n;
            gesture = hit.get().part() == PianoRollGeometry.Part.END ? Gesture.RESIZE : Gesture.MOVE;
        } else {
            gesture = Gesture.PENDING_DRAW;
        }
    }

    private void notesDragged(MouseEvent e) {
        boolean snap = !e.isAltDown();
        switch (gesture) {
            case PENDING_DRAW -> {
                if (Math.hypot(e.getX() - pressX, e.getY() - pressY) >= DRAG_THRESHOLD) {
                    gesture = Gesture.RUBBER_BAND;
                    rubberBand = new double[] {pressX, pressY, e.getX(), e.getY()};
                    paintOverlay();
                }
            }
            case RUBBER_BAND -> {
                rubberBand = new double[] {pressX, pressY, e.getX(), e.getY()};
                paintOverlay();
            }
            case MOVE -> {
                long raw = Math.round((e.getX() - pressX) / geo.pixelsPerTick());
                List<Note> sel = vm.selection();
                long dt = vm.clampTickDelta(sel, vm.snappedMoveDelta(anchor, raw, snap));
                int dp = vm.clampPitchDelta(sel, geo.yToPitch(e.getY()) - geo.yToPitch(pressY));
                preview = new PianoRollPainter.Preview(sel, dt, dp, 0);
                requestRepaint();
            }
            case RESIZE -> {
                long raw = Math.round((e.getX() - pressX) / geo.pixelsPerTick());
                long dd = vm.snappedResizeDelta(anchor, raw, snap);
                preview = new PianoRollPainter.Preview(vm.selection(), 0, 0, dd);
                requestRepaint();
            }
            default -> { }
        }
    }

    private void notesReleased(MouseEvent e) {
        Gesture done = gesture;
        gesture = Gesture.NONE;
        PianoRollPainter.Preview p = preview;
        preview = PianoRollPainter.Preview.NONE;
        switch (done) {
            case PENDING_DRAW -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    Note drawn = vm.drawNote(geo.yToPitch(e.getY()), geo.xToTick(e.getX()), !e.isAltDown());
                    auditioner.accept(drawn.pitch());
                }
            }
            case RUBBER_BAND -> {
                List<Note> notes = vm.track().notes();
                vm.selectRegion(geo.notesInRect(notes, maxDuration(notes), pressX, pressY, e.getX(), e.getY()),
                        e.isShiftDown());
                rubberBand = null;
                paintOverlay();
            }
            case MOVE -> {
                if (p.active() && (p.deltaTicks() != 0 || p.deltaPitch() != 0)) vm.move(p.deltaTicks(), p.deltaPitch());
            }
            case RESIZE -> {
                if (p.active() && p.deltaDuration() != 0) vm.resize(p.deltaDuration(), !e.isAltDown());
            }
            default -> { }
        }
        requestRepaint();
    }

    // ---- ruler, keyboard, velocity lane -------------------------------------------------------------

    private void wireRulerInput(Pane rulerPane) {
        rulerPane.setOnMousePressed(e -> {
            rulerPressX = e.getX();
            rulerDragged = false;
        });
        rulerPane.setOnMouseDragged(e -> {
            if (!rulerDragged && Math.abs(e.getX() - rulerPressX) < DRAG_THRESHOLD) return;
            rulerDragged = true;
            vm.setLoop(rulerTick(rulerPressX, !e.isAltDown()), rulerTick(e.getX(), !e.isAltDown()));
        });
        rulerPane.setOnMouseReleased(e -> {
            if (!rulerDragged) vm.playheadProperty().set(rulerTick(e.getX(), !e.isAltDown()));
        });
    }

    private long rulerTick(double x, boolean snap) {
        long t = geo.xToTick(x);
        return snap ? vm.gridProperty().get().snap(t, vm.ppq()) : t;
    }

    private void wireKeyboardInput(Pane keyboardPane) {
        keyboardPane.setOnMousePressed(e -> {
            pressedKey = geo.yToPitch(e.getY());
            auditioner.accept(pressedKey);
            hoverLabel.setText(PitchNames.name(pressedKey));
            requestRepaint();
        });
        keyboardPane.setOnMouseReleased(e -> {
            pressedKey = -1;
            requestRepaint();
        });
    }

    private void wireVelocityInput(Pane lane) {
        lane.setOnMousePressed(e -> {
            velocityNote = nearestStem(e.getX());
            if (velocityNote != null) {
                velocityValue = PianoRollPainter.yToVelocity(e.getY(), lane.getHeight());
                requestRepaint();
            }
        });
        lane.setOnMouseDragged(e -> {
            if (velocityNote == null) return;
            velocityValue = PianoRollPainter.yToVelocity(e.getY(), lane.getHeight());
            hoverLabel.setText("velocity " + velocityValue);
            requestRepaint();
        });
        lane.setOnMouseReleased(e -> {
            Note n = velocityNote;
            velocityNote = null;
            if (n == null) return;
            List<Note> targets = vm.isSelected(n) ? vm.selection() : List.of(n);
            vm.setVelocity(targets, velocityValue);
            requestRepaint();
        });
    }

    /** The edited track's note whose stem is nearest to x, within a few pixels. */
    private Note nearestStem(double x) {
        List<Note> notes = vm.track().notes();
        long from = geo.xToTick(x - 6);
        long to = geo.xToTick(x + 6);
        int a = Track.firstStartingAtOrAfter(notes, from);
        Note best = null;
        double bestDist = 7;
        for (int i = a; i < notes.size() && notes.get(i).start() <= to; i++) {
            double d = Math.abs(geo.tickToX(notes.get(i).start()) - x);
            if (d < bestDist) {
                bestDist = d;
                best = notes.get(i);
            }
        }
        return best;
    }

    // ---- scrolling and zoom -------------------------------------------------------------------------

    private void wireScrolling() {
        notesPane.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        hScroll.valueProperty().addListener((obs, o, n) -> {
            if (syncingScrollBars) return;
            geo.setScrollTick(n.doubleValue());
            requestRepaint();
        });
        vScroll.valueProperty().addListener((obs, o, n) -> {
            if (syncingScrollBars) return;
            geo.setScrollRow(n.doubleValue(), notesPane.getHeight());
            requestRepaint();
        });
        notesPane.widthProperty().addListener((obs, o, n) -> updateScrollBars());
        notesPane.heightProperty().addListener((obs, o, n) -> updateScrollBars());
    }

    private void scrolled(ScrollEvent e) {
        double dy = e.getDeltaY();
        double dx = e.getDeltaX();
        if (e.isControlDown() && e.isShiftDown()) {
            double d = dy != 0 ? dy : dx;
            geo.zoomY(d > 0 ? 1.15 : 1 / 1.15, e.getY(), notesPane.getHeight());
        } else if (e.isControlDown()) {
            geo.zoomX(dy > 0 ? 1.2 : 1 / 1.2, e.getX());
        } else if (e.isShiftDown()) {
            // some platforms turn Shift+wheel into a horizontal delta themselves
            double d = dx != 0 ? dx : dy;
            geo.setScrollTick(geo.scrollTick() - d / geo.pixelsPerTick());
        } else {
            geo.setScrollTick(geo.scrollTick() - dx / geo.pixelsPerTick());
            geo.setScrollRow(geo.scrollRow() - dy / geo.rowHeight(), notesPane.getHeight());
        }
        updateScrollBars();
        requestRepaint();
        e.consume();
    }

    /** Keeps the playhead on screen while it moves during playback. */
    private void followPlayhead(long tick) {
        double w = notesPane.getWidth();
        double x = geo.tickToX(tick);
        if (w > 0 && (x < 0 || x > w)) {
            geo.setScrollTick(Math.max(0, tick - 0.1 * w / geo.pixelsPerTick()));
            updateScrollBars();
        }
    }

    private void updateScrollBars() {
        syncingScrollBars = true;
        try {
            double w = Math.max(1, notesPane.getWidth());
            double h = Math.max(1, notesPane.getHeight());
            long bar = vm.song().ticksPerBar();
            double visibleTicks = w / geo.pixelsPerTick();
            double content = Math.max(vm.song().endTick() + 4 * bar, 16 * bar);
            double max = Math.max(content, geo.scrollTick() + visibleTicks);
            hScroll.setMin(0);
            hScroll.setMax(Math.max(0, max - visibleTicks));
            hScroll.setVisibleAmount(visibleTicks);
            hScroll.setUnitIncrement(bar / 4.0);
            hScroll.setBlockIncrement(bar);
            hScroll.setValue(Math.min(geo.scrollTick(), hScroll.getMax()));
            double visibleRows = h / geo.rowHeight();
            vScroll.setMin(0);
            vScroll.setMax(Math.max(0, PianoRollGeometry.ROWS - visibleRows));
            vScroll.setVisibleAmount(visibleRows);
            vScroll.setUnitIncrement(1);
            vScroll.setBlockIncrement(12);
            vScroll.setValue(geo.scrollRow());
        } finally {
            syncingScrollBars = false;
        }
    }

    private static ColumnConstraints fixedColumn(double w) {
        ColumnConstraints c = new ColumnConstraints(w, w, w);
        return c;
    }

    private static ColumnConstraints growColumn() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        c.setMinWidth(0);
        return c;
    }

    private static RowConstraints fixedRow(double h) {
        return new RowConstraints(h, h, h);
    }

    private static RowConstraints growRow() {
        RowConstraints r = new RowConstraints();
        r.setVgrow(Priority.ALWAYS);
        r.setMinHeight(0);
        return r;
    }
}
