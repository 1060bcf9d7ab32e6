using System.Text;

namespace Oversight.Tests.Fuzz;

/// <summary>
/// Inputs made from a valid one by the mutations a fuzzer applies: random bytes, truncation, bits flipped, ranges
/// deleted, duplicated or overwritten, control and text-direction characters inserted, and the whole text in another
/// encoding. A fixed seed makes every run feed the same inputs, so a failure is reproduced by its index.
/// </summary>
public sealed class Mutations(int seed)
{
    private static readonly string[] Hostile = ["\0", "\u001b[31m", "\u202e", "\u200b\u200b", "\ufeff", "\ud800", "'; DROP TABLE \"Cases\";--", "<script>alert(1)</script>", "%00", "\r\n\r\n", new string('9', 400)];

    private readonly Random random = new(seed);

    /// <summary>The <paramref name="count"/> inputs, each with what was done to make it.</summary>
    public IEnumerable<(string Mutation, byte[] Bytes)> Of(byte[] valid, int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Mutate(valid);
        }
    }

    private (string, byte[]) Mutate(byte[] valid)
    {
        var bytes = valid.ToList();
        switch (random.Next(10))
        {
            case 0:
                return ("random bytes", RandomBytes(random.Next(0, 2048)));
            case 1:
                return ("truncated", valid[..random.Next(0, valid.Length)]);
            case 2:
                for (var flips = random.Next(1, 8); flips > 0; flips--)
                {
                    var at = random.Next(bytes.Count);
                    bytes[at] ^= (byte)(1 << random.Next(8));
                }

                return ("bits flipped", [.. bytes]);
            case 3:
            {
                var at = random.Next(bytes.Count);
                bytes.RemoveRange(at, random.Next(1, Math.Min(64, bytes.Count - at) + 1));
                return ("range deleted", [.. bytes]);
            }

            case 4:
            {
                var at = random.Next(bytes.Count);
                var length = random.Next(1, Math.Min(64, bytes.Count - at) + 1);
                bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                return ("range duplicated", [.. bytes]);
            }

            case 5:
                bytes.InsertRange(random.Next(bytes.Count), RandomBytes(random.Next(1, 32)));
                return ("random bytes inserted", [.. bytes]);
            case 6:
            {
                var text = Encoding.UTF8.GetString(valid);
                var at = random.Next(text.Length);
                var hostile = Hostile[random.Next(Hostile.Length)];
                return ("hostile text inserted", Encoding.UTF8.GetBytes(text[..at] + hostile + text[at..]));
            }

            case 7:
            {
                var text = Encoding.UTF8.GetString(valid);
                Encoding[] encodings = [Encoding.Unicode, Encoding.BigEndianUnicode, Encoding.UTF32, Encoding.Latin1];
                var encoding = encodings[random.Next(encodings.Length)];
                return ($"encoded as {encoding.WebName}", [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
            }

            case 8:
            {
                var at = random.Next(bytes.Count);
                var overwrite = RandomBytes(Math.Min(random.Next(1, 16), bytes.Count - at));
                for (var i = 0; i < overwrite.Length; i++)
                {
                    bytes[at + i] = overwrite[i];
                }

                return ("range overwritten", [.. bytes]);
            }

            default:
            {
                var cut = random.Next(valid.Length);
                return ("truncated and repeated", [.. valid[..cut], .. valid[..cut]]);
            }
        }
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
