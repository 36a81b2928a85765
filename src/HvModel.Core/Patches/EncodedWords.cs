using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HvModel.Core.Patches;

/// <summary>
/// RFC 2047 encoded words (<c>=?UTF-8?q?Re=3A_caf=C3=A9?=</c>), which git format-patch writes for a
/// subject that is not ASCII. Words in a character set not known here are left as they are.
/// </summary>
internal static partial class EncodedWords
{
    public static string Decode(string header)
    {
        // White space between two encoded words is folding, not text.
        var joined = Between().Replace(header, "?==?");
        return Word().Replace(joined, m => DecodeWord(m) ?? m.Value);
    }

    private static string? DecodeWord(Match m)
    {
        var encoding = m.Groups[1].Value.ToLowerInvariant() switch
        {
            "utf-8" or "utf8" => Encoding.UTF8,
            "us-ascii" => Encoding.ASCII,
            "iso-8859-1" or "latin1" => Encoding.Latin1,
            _ => null,
        };
        if (encoding is null)
        {
            return null;
        }

        var text = m.Groups[3].Value;
        var bytes = m.Groups[2].Value is "b" or "B" ? FromBase64(text) : FromQ(text);
        return bytes is null ? null : encoding.GetString(bytes);
    }

    private static byte[]? FromBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }

    // Q encoding: '_' is a space, "=XX" a byte in hexadecimal, anything else itself.
    private static byte[]? FromQ(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '_')
            {
                bytes.Add((byte)' ');
            }
            else if (text[i] == '=')
            {
                if (i + 2 >= text.Length || !byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
                {
                    return null;
                }

                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.Add((byte)text[i]);
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"=\?([^?\s]+)\?([QqBb])\?([^?\s]*)\?=")]
    private static partial Regex Word();

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex Between();
}
