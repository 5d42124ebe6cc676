package org.melodist.studio.chords;

import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.stage.Popup;

import org.melodist.harmony.Chord;
import org.melodist.song.ChordLane;
import org.melodist.song.Song;
import org.melodist.studio.pianoroll.PianoRollGeometry;

/**
 * The chord lane: the song's chord symbols on the piano roll's bar/beat grid, sharing its zoom and scroll.
 * Click a chord for the model's alternatives (hover or Play to hear one with the melody, click to pick it);
 * double-click (or type a letter, or Enter) to type a symbol; drag a chord's edge to change its length;
 * Delete removes it. All state and every edit is {@link ChordLaneViewModel}'s.
 */
public final class ChordLaneView extends Pane {

    public static final double HEIGHT = 26;
    private static final double EDGE_GRAB = 5;
    private static final Font FONT = Font.font("System", FontWeight.BOLD, 12);
    private static final Color BACKGROUND = Color.web("#1b1d21");
    private static final Color BAR_LINE = Color.web("#3a3d44");
    private static final Color CHORD = Color.web("#2f4a6b");
    private static final Color CHORD_SELECTED = Color.web("#3f73b4");
    private static final Color CHORD_EDGE = Color.web("#6fa3e0");
    private static final Color BAD_SYMBOL = Color.web("#7a3535");
    private static final Color TEXT = Color.web("#e6e8eb");
    private static final Color PLAYHEAD = Color.web("#ff5c5c");

    private enum Edge { NONE, START, END }

    private final ChordLaneViewModel vm;
    private final PianoRollGeometry geo;
    private final Supplier<Song> song;
    private final Canvas canvas = new Canvas();
    private final TextField editor = new TextField();
    private final Label editorError = new Label();
    private final Popup popup = new Popup();
    private final VBox popupRows = new VBox(2);

    private LongSupplier playhead = () -> -1;
    private int pressedIndex = -1;
    private Edge pressedEdge = Edge.NONE;
    private double pressX;
    private boolean dragged;
    private long previewStart;
    private long previewEnd;
    private long editStart;
    private long editEnd;

    /**
     * @param geo  the piano roll's geometry (tick to x): the lane follows its zoom and scroll
     * @param song the song shown (for the bar grid)
     */
    public ChordLaneView(ChordLaneViewModel vm, PianoRollGeometry geo, Supplier<Song> song) {
        this.vm = vm;
        this.geo = geo;
        this.song = song;
        setId("chord-lane");
        getStyleClass().add("chord-lane");
        setFocusTraversable(true);
        setMinSize(0, 0);
        canvas.setManaged(false);
        editor.setId("chord-lane-editor");
        editor.setManaged(false);
        editor.setVisible(false);
        editor.setPromptText("G, Em, D7…");
        editorError.setId("chord-lane-error");
        editorError.getStyleClass().add("chord-lane-error");
        editorError.setStyle("-fx-background-color: #6b2222; -fx-text-fill: #ffffff; -fx-padding: 0 8 0 8;"
                + " -fx-background-radius: 4;");
        editorError.textProperty().addListener((obs, o, n) -> placeEditor());
        editorError.setManaged(false);
        editorError.textProperty().bind(vm.inlineErrorProperty());
        editorError.visibleProperty().bind(vm.inlineErrorProperty().isNotEmpty().and(editor.visibleProperty()));
        getChildren().addAll(canvas, editor, editorError);
        Tooltip.install(this, new Tooltip("Chord lane: click a chord for alternatives · double-click or type to set one · "
                + "drag an edge to resize · Delete removes it · Ctrl+H harmonises"));

        popupRows.setId("chord-alternatives");
        popupRows.getStyleClass().add("chord-alternatives");
        popupRows.setPadding(new Insets(6));
        // a popup is a window of its own: it does not get the studio's stylesheet, so its look is set here
        popupRows.setStyle("-fx-background-color: #24272c; -fx-border-color: #3f73b4; -fx-border-width: 1;"
                + " -fx-background-radius: 4; -fx-border-radius: 4;");
        popup.getContent().add(popupRows);
        popup.setAutoHide(true);
        popup.setOnAutoHide(e -> vm.hideAlternatives());

        vm.laneProperty().addListener((obs, o, n) -> repaint());
        vm.selectedProperty().addListener((obs, o, n) -> repaint());
        vm.editRequestsProperty().addListener((obs, o, n) -> editSelected());
        vm.suggestions().addListener((ListChangeListener<ChordLaneViewModel.Suggestion>) c -> showSuggestions());
        wireMouse();
        wireKeys();
    }

    @Override
    protected void layoutChildren() {
        double w = Math.max(1, Math.floor(getWidth()));
        double h = Math.max(1, Math.floor(getHeight()));
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            repaint();
        }
        if (editor.isVisible()) placeEditor();
    }

    /** Where the lane draws the playhead line (the roll's playhead), so that it runs through the chords too. */
    public void setPlayhead(LongSupplier tick) {
        playhead = tick == null ? () -> -1 : tick;
    }

    /** The lane's cell in the keyboard column: a Harmonise button. */
    public static Button harmoniseButton(ChordLaneViewModel vm) {
        Button b = new Button("Harmonise");
        b.setId("chords-harmonise");
        b.getStyleClass().add("chord-lane-button");
        b.setStyle("-fx-font-size: 10px; -fx-padding: 1 2 1 2;");
        b.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        b.setFocusTraversable(false);
        b.disableProperty().bind(vm.canHarmoniseProperty().not().and(vm.modelAvailableProperty()));
        b.setOnAction(e -> vm.harmonise());
        b.setTooltip(new Tooltip("Fill the chord lane with the model's chords for the selection, or the whole track"));
        return b;
    }

    /** The text field that takes a typed chord symbol (visible while typing). */
    public TextField editor() {
        return editor;
    }

    /** The alternatives popup (showing while a chord's alternatives are offered). */
    public Popup alternativesPopup() {
        return popup;
    }

    /** The x of {@code tick} in this lane. */
    public double xOf(long tick) {
        return geo.tickToX(tick);
    }

    // ---- painting -----------------------------------------------------------------------------------

    /** Paints the lane now (after the roll scrolled or zoomed, or the chords changed). */
    public void repaint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        Song s = song.get();
        long bar = s.ticksPerBar();
        long[] vis = geo.visibleTicks(w);
        g.setStroke(BAR_LINE);
        g.setLineWidth(1);
        for (long b = vis[0] / bar; b * bar <= vis[1]; b++) {
            double x = Math.floor(geo.tickToX(b * bar)) + 0.5;
            g.strokeLine(x, 0, x, h);
        }
        List<ChordLane.Mark> marks = vm.lane().marks();
        g.setFont(FONT);
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i < marks.size(); i++) {
            ChordLane.Mark m = marks.get(i);
            long start = m.start();
            long end = m.end();
            if (dragged && i == pressedIndex && pressedEdge != Edge.NONE) {
                start = previewStart;
                end = previewEnd;
            }
            if (end < vis[0] || start > vis[1]) continue;
            double x0 = geo.tickToX(start) + 1;
            double x1 = geo.tickToX(end) - 1;
            boolean selected = i == vm.selectedProperty().get();
            g.setFill(isChord(m.symbol()) ? (selected ? CHORD_SELECTED : CHORD) : BAD_SYMBOL);
            g.fillRoundRect(x0, 3, Math.max(2, x1 - x0), h - 6, 6, 6);
            if (selected) {
                g.setStroke(CHORD_EDGE);
                g.strokeRoundRect(x0 + 0.5, 3.5, Math.max(1, x1 - x0 - 1), h - 7, 6, 6);
            }
            if (x1 - x0 > 10) {
                g.save();
                g.beginPath();
                g.rect(x0, 0, x1 - x0, h);
                g.clip();
                g.setFill(TEXT);
                g.fillText(m.symbol(), Math.max(x0, 0) + 5, h / 2 + 4.5);
                g.restore();
            }
        }
        paintPlayhead(g, h);
    }

    private void paintPlayhead(GraphicsContext g, double h) {
        long tick = playhead.getAsLong();
        if (tick < 0) return;
        double x = Math.floor(geo.tickToX(tick)) + 0.5;
        if (x < 0 || x > canvas.getWidth()) return;
        g.setStroke(PLAYHEAD);
        g.setLineWidth(1.5);
        g.strokeLine(x, 0, x, h);
        g.setLineWidth(1);
    }

    private static boolean isChord(String symbol) {
        try {
            Chord.parse(symbol);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ---- mouse --------------------------------------------------------------------------------------

    private void wireMouse() {
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> setCursor(edgeAt(e.getX(), indexAtX(e.getX())) != Edge.NONE
                ? Cursor.H_RESIZE : Cursor.DEFAULT));
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            pressX = e.getX();
            dragged = false;
            pressedIndex = indexAtX(e.getX());
            pressedEdge = e.getButton() == MouseButton.PRIMARY ? edgeAt(e.getX(), pressedIndex) : Edge.NONE;
            if (pressedEdge != Edge.NONE) {
                ChordLane.Mark m = vm.lane().marks().get(pressedIndex);
                previewStart = m.start();
                previewEnd = m.end();
            }
            vm.select(pressedIndex);
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (pressedEdge == Edge.NONE || Math.abs(e.getX() - pressX) < 3 && !dragged) return;
            dragged = true;
            ChordLane.Mark m = vm.lane().marks().get(pressedIndex);
            long tick = vm.snap(geo.xToTick(Math.max(0, e.getX())));
            if (pressedEdge == Edge.START) {
                previewStart = Math.min(tick, m.end() - 1);
                previewEnd = m.end();
            } else {
                previewStart = m.start();
                previewEnd = Math.max(tick, m.start() + 1);
            }
            repaint();
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (dragged && pressedEdge != Edge.NONE) {
                int index = pressedIndex;
                dragged = false;
                pressedEdge = Edge.NONE;
                vm.resize(index, previewStart, previewEnd);
                repaint();
            } else if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() >= 2) {
                startEditing(geo.xToTick(e.getX()), null);
            } else if (e.getButton() == MouseButton.PRIMARY && pressedIndex >= 0) {
                vm.showAlternatives(pressedIndex);
            }
            e.consume();
        });
    }

    private int indexAtX(double x) {
        List<ChordLane.Mark> marks = vm.lane().marks();
        for (int i = 0; i < marks.size(); i++) {
            double x0 = geo.tickToX(marks.get(i).start());
            double x1 = geo.tickToX(marks.get(i).end());
            if (x >= x0 - EDGE_GRAB && x < x1 + EDGE_GRAB && (x >= x0 && x < x1 || Math.abs(x - x0) <= EDGE_GRAB
                    || Math.abs(x - x1) <= EDGE_GRAB)) {
                // on a shared edge, the chord the pointer is inside wins
                if (x < x0 && i > 0 && geo.tickToX(marks.get(i - 1).end()) > x) continue;
                return i;
            }
        }
        return -1;
    }

    private Edge edgeAt(double x, int index) {
        if (index < 0) return Edge.NONE;
        ChordLane.Mark m = vm.lane().marks().get(index);
        double x0 = geo.tickToX(m.start());
        double x1 = geo.tickToX(m.end());
        if (Math.abs(x - x1) <= EDGE_GRAB) return Edge.END;
        if (Math.abs(x - x0) <= EDGE_GRAB) return Edge.START;
        return Edge.NONE;
    }

    // ---- typing a chord -----------------------------------------------------------------------------

    private void wireKeys() {
        addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String c = e.getCharacter();
            if (editor.isVisible() || c == null || c.length() != 1 || e.isShortcutDown()) return;
            if ("ABCDEFGabcdefg".indexOf(c.charAt(0)) >= 0) {
                int i = vm.selectedProperty().get();
                long tick = i >= 0 ? vm.lane().marks().get(i).start() : Math.max(0, geo.xToTick(Math.max(0, pressX)));
                startEditing(tick, c.toUpperCase());
                e.consume();
            }
        });
        editor.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stopEditing();
                e.consume();
            }
        });
        editor.setOnAction(e -> {
            if (vm.setChord(editStart, editEnd, editor.getText())) stopEditing();
        });
        editor.focusedProperty().addListener((obs, was, now) -> {
            if (!now && editor.isVisible()) stopEditing();
        });
    }

    /** Opens the symbol editor over the selected chord (Enter on the lane); over the first bar when none is selected. */
    public void editSelected() {
        int i = vm.selectedProperty().get();
        startEditing(i >= 0 ? vm.lane().marks().get(i).start() : 0, null);
    }

    /** Opens the symbol editor over the chord at {@code tick}, or the free part of its bar, starting with {@code text}. */
    public void startEditing(long tick, String text) {
        // the first click of a double-click opened the alternatives: typing takes over from them
        popup.hide();
        vm.hideAlternatives();
        long[] range = vm.rangeAt(Math.max(0, tick));
        editStart = range[0];
        editEnd = range[1];
        int i = vm.lane().indexAt(editStart);
        editor.setText(text != null ? text : i >= 0 ? vm.lane().marks().get(i).symbol() : "");
        vm.clearInlineError();
        editor.setVisible(true);
        placeEditor();
        editor.requestFocus();
        // a chord's symbol is selected, so that typing replaces it; a first letter typed stays, the caret after it
        if (text == null) editor.selectAll();
        else editor.end();
    }

    private void placeEditor() {
        double x0 = Math.max(0, geo.tickToX(editStart));
        double width = Math.max(70, geo.tickToX(editEnd) - x0);
        editor.resizeRelocate(x0, 0, width, Math.max(HEIGHT, getHeight()));
        // the reason beside the field: after it where it fits, else before it
        double w = Math.min(Math.max(0, getWidth() - 4), editorError.prefWidth(-1));
        double x = x0 + width + 6 + w <= getWidth() ? x0 + width + 6 : Math.max(0, x0 - 6 - w);
        editorError.resizeRelocate(x, 1, w, Math.max(HEIGHT, getHeight()) - 2);
    }

    private void stopEditing() {
        editor.setVisible(false);
        vm.clearInlineError();
        requestFocus();
    }

    // ---- alternatives -------------------------------------------------------------------------------

    private void showSuggestions() {
        popupRows.getChildren().clear();
        int index = vm.suggestionsForProperty().get();
        if (vm.suggestions().isEmpty() || index < 0 || getScene() == null) {
            popup.hide();
            return;
        }
        Label title = new Label("Alternatives · hover or ▶ to hear, click to pick");
        title.getStyleClass().add("chord-alternatives-title");
        popupRows.getChildren().add(title);
        List<ChordLaneViewModel.Suggestion> list = vm.suggestions();
        for (int k = 0; k < list.size(); k++) {
            int i = k;
            Button play = new Button("▶");
            play.setId("chord-alternative-play-" + i);
            play.setFocusTraversable(false);
            play.setOnAction(e -> vm.audition(i));
            Button pick = new Button(list.get(i).label());
            pick.setId("chord-alternative-" + i);
            pick.getStyleClass().add("chord-alternative");
            pick.setMaxWidth(Double.MAX_VALUE);
            pick.setAlignment(Pos.CENTER_LEFT);
            pick.setOnAction(e -> {
                popup.hide();
                vm.choose(i);
            });
            pick.setOnMouseEntered(e -> vm.audition(i));
            HBox.setHgrow(pick, Priority.ALWAYS);
            HBox row = new HBox(4, play, pick);
            row.setAlignment(Pos.CENTER_LEFT);
            popupRows.getChildren().add(row);
        }
        ChordLane.Mark m = vm.lane().marks().get(index);
        Point2D at = localToScreen(Math.max(0, geo.tickToX(m.start())), getHeight());
        if (at == null) return;
        if (popup.isShowing()) {
            popup.setX(at.getX());
            popup.setY(at.getY());
        } else {
            popup.show(this, at.getX(), at.getY());
        }
    }
}
