import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws the application icon: an autoencoder seen from the side, five input units narrowing
 * through an encoder (teal) to a two-unit code and widening through a decoder (amber) to five
 * outputs, on a rounded dark square. One geometry, written both as SVG (the source) and as PNG
 * at the sizes the desktop wants.
 *
 * <pre>  java src/packaging/DrawIcon.java assets   # writes assets/icon.svg, icon.png (256), icon-48.png, icon-128.png</pre>
 */
public final class DrawIcon {

    private static final double S = 256;
    private static final double[] OUTER_Y = {56, 92, 128, 164, 200};
    private static final double[] CODE_Y = {110, 146};
    private static final double LEFT = 52;
    private static final double MID = 128;
    private static final double RIGHT = 204;
    private static final double R_UNIT = 11;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "assets");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("icon.svg"), svg());
        for (int size : new int[] {256, 128, 48}) {
            ImageIO.write(png(size), "png", new File(dir.toFile(), size == 256 ? "icon.png" : "icon-" + size + ".png"));
        }
    }

    private static double[][] encoder() {
        return new double[][] {{LEFT, OUTER_Y[0] - 14}, {MID, CODE_Y[0] - 12}, {MID, CODE_Y[1] + 12}, {LEFT, OUTER_Y[4] + 14}};
    }

    private static double[][] decoder() {
        return new double[][] {{MID, CODE_Y[0] - 12}, {RIGHT, OUTER_Y[0] - 14}, {RIGHT, OUTER_Y[4] + 14}, {MID, CODE_Y[1] + 12}};
    }

    private static BufferedImage png(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / S, size / S);
        g.setPaint(new GradientPaint(0, 0, new Color(0x2d3f6b), 0, (float) S, new Color(0x1b2238)));
        g.fill(new RoundRectangle2D.Double(8, 8, S - 16, S - 16, 56, 56));
        g.setColor(new Color(0x2e, 0xc4, 0xb6, 200));
        g.fill(polygon(encoder()));
        g.setColor(new Color(0xff, 0x9f, 0x1c, 200));
        g.fill(polygon(decoder()));
        g.setStroke(new BasicStroke(3f));
        for (double y : OUTER_Y) {
            unit(g, LEFT, y, R_UNIT);
            unit(g, RIGHT, y, R_UNIT);
        }
        for (double y : CODE_Y) {
            unit(g, MID, y, R_UNIT + 2);
        }
        g.dispose();
        return img;
    }

    private static void unit(Graphics2D g, double x, double y, double r) {
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        g.setColor(new Color(0x1b2238));
        g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
    }

    private static Path2D polygon(double[][] pts) {
        Path2D p = new Path2D.Double();
        p.moveTo(pts[0][0], pts[0][1]);
        for (int i = 1; i < pts.length; i++) {
            p.lineTo(pts[i][0], pts[i][1]);
        }
        p.closePath();
        return p;
    }

    private static String svg() {
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 256 256\">\n")
                .append("  <!-- AE Workbench icon, drawn by src/packaging/DrawIcon.java -->\n")
                .append("  <defs><linearGradient id=\"bg\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\">")
                .append("<stop offset=\"0\" stop-color=\"#2d3f6b\"/><stop offset=\"1\" stop-color=\"#1b2238\"/></linearGradient></defs>\n")
                .append("  <rect x=\"8\" y=\"8\" width=\"240\" height=\"240\" rx=\"28\" fill=\"url(#bg)\"/>\n")
                .append("  <polygon points=\"").append(points(encoder())).append("\" fill=\"#2ec4b6\" fill-opacity=\"0.78\"/>\n")
                .append("  <polygon points=\"").append(points(decoder())).append("\" fill=\"#ff9f1c\" fill-opacity=\"0.78\"/>\n");
        for (double y : OUTER_Y) {
            b.append(circle(LEFT, y, R_UNIT)).append(circle(RIGHT, y, R_UNIT));
        }
        for (double y : CODE_Y) {
            b.append(circle(MID, y, R_UNIT + 2));
        }
        return b.append("</svg>\n").toString();
    }

    private static String points(double[][] pts) {
        StringBuilder b = new StringBuilder();
        for (double[] p : pts) {
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.0f,%.0f", p[0], p[1]));
        }
        return b.toString();
    }

    private static String circle(double x, double y, double r) {
        return String.format(Locale.ROOT, "  <circle cx=\"%.0f\" cy=\"%.0f\" r=\"%.0f\" fill=\"#ffffff\" stroke=\"#1b2238\""
                + " stroke-width=\"3\"/>%n", x, y, r);
    }
}
