import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Draws the Melodist application icon (a piano-roll lane with an eighth note on a rounded tile) at
 * the sizes the desktop needs. Run once from the project root when the design changes:
 * {@code java installer/DrawIcon.java assets/icons}; the PNGs it writes are committed, so the build
 * never depends on this program or on an image tool.
 */
public final class DrawIcon {

    private static final int[] SIZES = {256, 128, 48, 32};

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "assets/icons");
        Files.createDirectories(dir);
        for (int size : SIZES) {
            Path out = dir.resolve("melodist-" + size + ".png");
            ImageIO.write(draw(size), "png", out.toFile());
            System.out.println("wrote " + out);
        }
    }

    /** Everything is laid out on a 256-unit grid and scaled, so all sizes share one design. */
    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.scale(size / 256.0, size / 256.0);

        // tile
        g.setPaint(new GradientPaint(0, 0, new Color(0x3B2A8F), 0, 256, new Color(0x14103A)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));

        // piano-roll lanes: faint horizontal stripes
        g.setColor(new Color(255, 255, 255, 22));
        for (int y = 52; y < 220; y += 28) {
            g.fillRect(28, y, 200, 14);
        }

        // piano-roll notes: a rising phrase in warm colours
        Color[] noteColours = {new Color(0xFFB74D), new Color(0xFF8A65), new Color(0xF06292)};
        int[][] notes = {{30, 178, 46}, {82, 150, 34}, {122, 122, 58}};
        for (int i = 0; i < notes.length; i++) {
            g.setColor(noteColours[i]);
            g.fill(new RoundRectangle2D.Double(notes[i][0], notes[i][1], notes[i][2], 18, 9, 9));
        }

        // eighth note: head, stem and flag in white
        g.setColor(new Color(0xF5F3FF));
        Ellipse2D head = new Ellipse2D.Double(0, 0, 54, 40);
        Graphics2D headG = (Graphics2D) g.create();
        headG.translate(150, 176);
        headG.rotate(Math.toRadians(-22), 27, 20);
        headG.fill(head);
        headG.dispose();
        g.setStroke(new BasicStroke(11, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(198, 188, 198, 52);
        Path2D flag = new Path2D.Double();
        flag.moveTo(198, 52);
        flag.curveTo(206, 86, 244, 92, 226, 138);
        g.draw(flag);

        g.dispose();
        return img;
    }
}
