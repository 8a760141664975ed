package org.cdrbuilder.spark.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;

/** Seekable channels over Hadoop streams: reading seeks anywhere; writing appends only, from the start. */
final class HadoopChannels {
    private HadoopChannels() {
    }

    static SeekableByteChannel reading(FSDataInputStream in, long size) {
        return new Reading(in, size);
    }

    static SeekableByteChannel writing(FSDataOutputStream out) {
        return new Writing(out);
    }

    private static final class Reading implements SeekableByteChannel {
        private final FSDataInputStream in;
        private final long size;
        private byte[] buffer = new byte[0];
        private boolean open = true;

        Reading(FSDataInputStream in, long size) {
            this.in = in;
            this.size = size;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            ensureOpen();
            if (!dst.hasRemaining()) {
                return 0;
            }
            if (in.getPos() >= size) {
                return -1;
            }
            int n;
            if (dst.hasArray()) {
                n = in.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
                if (n > 0) {
                    dst.position(dst.position() + n);
                }
            } else {
                int len = Math.min(dst.remaining(), 1 << 20);
                if (buffer.length < len) {
                    buffer = new byte[len];
                }
                n = in.read(buffer, 0, len);
                if (n > 0) {
                    dst.put(buffer, 0, n);
                }
            }
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new NonWritableChannelException();
        }

        @Override
        public long position() throws IOException {
            ensureOpen();
            return in.getPos();
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            ensureOpen();
            in.seek(Math.min(newPosition, size));
            return this;
        }

        @Override
        public long size() throws IOException {
            ensureOpen();
            return size;
        }

        @Override
        public SeekableByteChannel truncate(long newSize) {
            throw new NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() throws IOException {
            if (open) {
                open = false;
                in.close();
            }
        }

        private void ensureOpen() throws ClosedChannelException {
            if (!open) {
                throw new ClosedChannelException();
            }
        }
    }

    private static final class Writing implements SeekableByteChannel {
        private final FSDataOutputStream out;
        private boolean open = true;

        Writing(FSDataOutputStream out) {
            this.out = out;
        }

        @Override
        public int read(ByteBuffer dst) {
            throw new NonReadableChannelException();
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (!open) {
                throw new ClosedChannelException();
            }
            int n = src.remaining();
            if (src.hasArray()) {
                out.write(src.array(), src.arrayOffset() + src.position(), n);
                src.position(src.position() + n);
            } else {
                byte[] b = new byte[n];
                src.get(b);
                out.write(b);
            }
            return n;
        }

        @Override
        public long position() {
            return out.getPos();
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            if (newPosition != out.getPos()) {
                throw new UnsupportedOperationException("Hadoop files are written in sequence, not at position "
                        + newPosition);
            }
            return this;
        }

        @Override
        public long size() {
            return out.getPos();
        }

        @Override
        public SeekableByteChannel truncate(long newSize) {
            throw new UnsupportedOperationException("Hadoop files cannot be truncated while written");
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() throws IOException {
            if (open) {
                open = false;
                out.close();
            }
        }
    }
}
