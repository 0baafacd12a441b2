using System.Buffers.Binary;
using System.IO.Compression;

namespace CoalitionBot.Tests.Support;

/// A PNG decoder of our own (8-bit RGB or RGBA, not interlaced: what a chart is written as), so a
/// test checks the bot's picture with something other than the library that drew it: the signature,
/// each chunk's CRC, the zlib stream and every row's filter.
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private PngImage(int width, int height, byte[][] rows, int channels)
    {
        Width = width;
        Height = height;
        this.rows = rows;
        this.channels = channels;
    }

    private readonly byte[][] rows;
    private readonly int channels;

    public int Width { get; }

    public int Height { get; }

    /// The pixel as 0xRRGGBB (alpha dropped).
    public int Rgb(int x, int y)
    {
        var row = rows[y];
        var i = x * channels;
        return (row[i] << 16) | (row[i + 1] << 8) | row[i + 2];
    }

    public int DistinctColours() =>
        Enumerable.Range(0, Height).SelectMany(y => Enumerable.Range(0, Width).Select(x => Rgb(x, y))).Distinct().Count();

    public static PngImage Decode(ReadOnlySpan<byte> png)
    {
        Assert.True(png.StartsWith(Signature), "not a PNG signature");
        var position = Signature.Length;
        int width = 0, height = 0, colourType = -1;
        using var compressed = new MemoryStream();
        var ended = false;
        while (!ended)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png[position..]);
            var type = png.Slice(position + 4, 4);
            var data = png.Slice(position + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png[(position + 8 + length)..]);
            Assert.Equal(Crc32(png.Slice(position + 4, length + 4)), crc);
            switch (System.Text.Encoding.ASCII.GetString(type))
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    Assert.Equal(8, data[8]);
                    colourType = data[9];
                    Assert.True(colourType is 2 or 6, $"colour type {colourType}");
                    Assert.Equal(0, data[12]);
                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
                case "IEND":
                    ended = true;
                    break;
            }

            position += 12 + length;
        }

        var channels = colourType == 6 ? 4 : 3;
        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        var bytes = raw.ToArray();
        var stride = width * channels;
        Assert.Equal(height * (stride + 1), bytes.Length);
        var rows = new byte[height][];
        var previous = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = bytes[y * (stride + 1)];
            var row = bytes.AsSpan((y * (stride + 1)) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int left = i >= channels ? row[i - channels] : 0, up = previous[i], corner = i >= channels ? previous[i - channels] : 0;
                row[i] = (byte)(row[i] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, corner),
                    _ => throw new InvalidDataException($"row {y}: unknown filter {filter}"),
                });
            }

            rows[y] = row;
            previous = row;
        }

        return new PngImage(width, height, rows, channels);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
