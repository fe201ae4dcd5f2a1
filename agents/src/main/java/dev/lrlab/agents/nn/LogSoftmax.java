package dev.lrlab.agents.nn;

/**
 * {@code log softmax} over each example's outputs (PyTorch's {@code log_softmax(x, dim=-1)}),
 * computed stably by subtracting the row maximum: a policy's log-probabilities from its logits.
 */
public final class LogSoftmax extends ShapePreservingLayer {

    private LogSoftmax(int size) {
        super(size, "log-softmax");
    }

    public static LogSoftmax of(int size) {
        return new LogSoftmax(size);
    }

    @Override
    public void forward(float[] x, float[] y, int batch) {
        for (int b = 0; b < batch; b++) {
            int o = b * size;
            float max = x[o];
            for (int i = 1; i < size; i++) {
                max = Math.max(max, x[o + i]);
            }
            double sum = 0;
            for (int i = 0; i < size; i++) {
                sum += Math.exp(x[o + i] - max);
            }
            float logSum = (float) Math.log(sum);
            for (int i = 0; i < size; i++) {
                y[o + i] = x[o + i] - max - logSum;
            }
        }
    }

    /** {@code dx = dy - softmax(x) * sum(dy)}. */
    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int batch) {
        if (dx == null) {
            return;
        }
        for (int b = 0; b < batch; b++) {
            int o = b * size;
            float sum = 0f;
            for (int i = 0; i < size; i++) {
                sum += dy[o + i];
            }
            for (int i = 0; i < size; i++) {
                dx[o + i] = dy[o + i] - (float) Math.exp(y[o + i]) * sum;
            }
        }
    }

    @Override
    public String describe() {
        return "log-softmax";
    }
}
