package org.melodist.studio.pianoroll;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;

/** A pane whose canvases always fill it, and that asks for a repaint whenever its size changes. */
final class ResizableCanvasPane extends Pane {

    private final Canvas[] canvases;
    private final Runnable repaint;

    ResizableCanvasPane(Runnable repaint, Canvas... canvases) {
        this.canvases = canvases;
        this.repaint = repaint;
        getChildren().addAll(canvases);
        for (Canvas c : canvases) c.setManaged(false);
        setMinSize(0, 0);
    }

    @Override
    protected void layoutChildren() {
        double w = Math.max(1, Math.floor(getWidth()));
        double h = Math.max(1, Math.floor(getHeight()));
        boolean changed = false;
        for (Canvas c : canvases) {
            if (c.getWidth() != w || c.getHeight() != h) {
                c.setWidth(w);
                c.setHeight(h);
                changed = true;
            }
        }
        if (changed) repaint.run();
    }
}
