using System.Text.Json;

namespace IntegrationHub.Core.Connectors.Mailgun;

/// <summary>Where, in the raw body, the values of Mailgun's <c>signature</c> object lie (null when a field is absent).
/// Located with a forward-only reader, so the body is neither copied nor parsed into objects.</summary>
internal readonly record struct MailgunSignatureFields(Range? Timestamp, Range? Token, Range? Signature, Range? ParentSignature)
{
    /// <summary>Finds the top-level <c>signature</c> object; false when the body is not a JSON object carrying one.</summary>
    public static bool TryLocate(ReadOnlySpan<byte> body, out MailgunSignatureFields fields)
    {
        fields = default;
        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSignature = reader.ValueTextEquals(MailgunProvider.SignatureObject);
                reader.Read();
                if (isSignature && reader.TokenType == JsonTokenType.StartObject)
                {
                    fields = ReadObject(ref reader);
                    return true;
                }
                reader.Skip();
            }
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static MailgunSignatureFields ReadObject(ref Utf8JsonReader reader)
    {
        var fields = new MailgunSignatureFields(null, null, null, null);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueTextEquals(MailgunProvider.TimestampField) ? 1
                : reader.ValueTextEquals(MailgunProvider.TokenField) ? 2
                : reader.ValueTextEquals(MailgunProvider.SignatureField) ? 3
                : reader.ValueTextEquals(MailgunProvider.ParentSignatureField) ? 4
                : 0;
            reader.Read();
            if (field == 0 || ValueRange(ref reader) is not { } range)
            {
                reader.Skip();
                continue;
            }
            fields = field switch
            {
                1 => fields with { Timestamp = range },
                2 => fields with { Token = range },
                3 => fields with { Signature = range },
                _ => fields with { ParentSignature = range },
            };
        }
        return fields;
    }

    /// <summary>The raw bytes of a string or number value. Mailgun's values are digits, letters and hex, so an escaped
    /// string is never Mailgun's and is treated as absent.</summary>
    private static Range? ValueRange(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number)
            || (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped))
        {
            return null;
        }
        var start = (int)reader.TokenStartIndex + (reader.TokenType == JsonTokenType.String ? 1 : 0);
        return start..(start + reader.ValueSpan.Length);
    }
}
