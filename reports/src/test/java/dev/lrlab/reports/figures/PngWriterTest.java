package dev.lrlab.reports.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our PNGs read back through ImageIO's reader pixel for pixel: noise, a chart-like drawing with equal rows, other image types. */
class PngWriterTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void readsBackPixelForPixel(long seed) throws Exception {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int width = 1 + rng.nextInt(300);
        int height = 1 + rng.nextInt(200);
        // seeds 5 and 6: an image type read through getRGB, not from its int pixels
        int type = seed < 5 ? BufferedImage.TYPE_INT_RGB : seed == 5 ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_INT_ARGB;
        BufferedImage image = new BufferedImage(width, height, type);
        if (seed % 2 == 0) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    image.setRGB(x, y, 0xff000000 | rng.nextInt(1 << 24));
                }
            }
        } else {
            // white with lines: many rows equal to the one above (the "up" filter), others not ("sub")
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(rng.nextInt(1 << 24)));
            g.drawLine(0, height / 2, width - 1, height / 3);
            g.fillRect(width / 3, 0, 1 + width / 10, height);
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngWriter.write(image, out);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(width, back.getWidth());
        assertEquals(height, back.getHeight());
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                assertEquals(image.getRGB(x, y) & 0xffffff, back.getRGB(x, y) & 0xffffff, "pixel " + x + "," + y);
            }
        }
    }
}
