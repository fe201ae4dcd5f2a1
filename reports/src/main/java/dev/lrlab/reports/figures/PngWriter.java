package dev.lrlab.reports.figures;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes an RGB image as a PNG (8 bits a channel, no interlace; the format of RFC 2083). ImageIO's
 * writer tries all five row filters on every row and keeps the smallest; on a chart, white
 * background and straight lines, two do as well: "up" for a row equal to the one above (all zeros,
 * which deflate takes almost for free) and "sub" otherwise. The eleven figures of a 30,000-trial
 * report (up to 1,680 x 1,380 pixels) took 1.0 s of CPU to encode with ImageIO under the quick
 * compiler the report runs with and 0.45 s this way, for files 5% larger (1,973 kB against 1,882).
 */
final class PngWriter {

    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};
    private static final int LEVEL = 4;
    private static final int SUB = 1;
    private static final int UP = 2;

    private PngWriter() {
    }

    /** Writes {@code image} (any type; TYPE_INT_RGB is read straight from its pixels) to {@code to}. */
    static void write(BufferedImage image, OutputStream to) throws IOException {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = null;
        int stride = width;
        int offset = 0;
        if (image.getType() == BufferedImage.TYPE_INT_RGB
                && image.getSampleModel() instanceof SinglePixelPackedSampleModel model
                && image.getRaster().getDataBuffer() instanceof DataBufferInt data && data.getNumBanks() == 1) {
            pixels = data.getData();
            stride = model.getScanlineStride();
            offset = data.getOffset() + image.getRaster().getSampleModelTranslateY() * -stride
                    - image.getRaster().getSampleModelTranslateX();
        }
        int[] argb = pixels == null ? new int[width] : null;
        int n = 3 * width;
        byte[] above = new byte[n];
        byte[] current = new byte[n];
        byte[] filtered = new byte[n + 1];
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        Deflater deflater = new Deflater(LEVEL);
        try {
            for (int y = 0; y < height; y++) {
                int at = offset + y * stride;
                if (pixels == null) {
                    image.getRGB(0, y, width, 1, argb, 0, width);
                }
                for (int x = 0; x < width; x++) {
                    int p = pixels == null ? argb[x] : pixels[at + x];
                    current[3 * x] = (byte) (p >> 16);
                    current[3 * x + 1] = (byte) (p >> 8);
                    current[3 * x + 2] = (byte) p;
                }
                if (y > 0 && Arrays.equals(current, above)) {
                    filtered[0] = UP;
                    Arrays.fill(filtered, 1, n + 1, (byte) 0);
                } else {
                    filtered[0] = SUB;
                    for (int i = 0; i < n; i++) {
                        filtered[i + 1] = (byte) (current[i] - (i >= 3 ? current[i - 3] : 0));
                    }
                }
                deflater.setInput(filtered);
                while (!deflater.needsInput()) {
                    compressed.write(buffer, 0, deflater.deflate(buffer));
                }
                byte[] swap = above;
                above = current;
                current = swap;
            }
            deflater.finish();
            while (!deflater.finished()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
        } finally {
            deflater.end();
        }
        DataOutputStream out = new DataOutputStream(to);
        out.write(SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.writeByte(8); // bits per channel
        h.writeByte(2); // RGB
        h.writeByte(0); // deflate
        h.writeByte(0); // adaptive filtering, a filter byte per row
        h.writeByte(0); // no interlace
        chunk(out, "IHDR", header.toByteArray());
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
        out.flush();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
