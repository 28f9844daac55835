using System.Text.Json;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Connectors.Typeform;

/// <summary>Reads the respondent from a form response. A connection's field map (keys <c>email</c>, <c>first_name</c>,
/// <c>last_name</c>, <c>phone</c>, <c>company</c> and <c>id</c>) names, per canonical field, the question <c>ref</c> or
/// hidden field that holds it; a mapped field is read from there only. Unmapped fields are found by question type
/// (email, phone number) or, for short-text questions, by a ref or title that names them ("first name", "surname",
/// "company"…), and last from a hidden field of the canonical name. A response has no person id of its own, so the
/// record id is only ever the mapped <c>id</c>.</summary>
internal static class TypeformPerson
{
    private const string ShortText = "short_text";

    private static readonly string[] FirstNameHints = ["first name", "first_name", "firstname", "given name", "given_name", "fname"];
    private static readonly string[] LastNameHints = ["last name", "last_name", "lastname", "surname", "family name", "family_name", "lname"];
    private static readonly string[] CompanyHints = ["company", "organisation", "organization"];

    public static PersonTraits? Read(JsonElement response, IReadOnlyDictionary<string, string> fieldMap, DateTimeOffset eventTime, string phoneRegion)
    {
        var answers = TypeformAnswer.ReadAll(response);
        var hidden = response.TryGetProperty("hidden", out var h) && h.ValueKind == JsonValueKind.Object ? h : default;

        string? Field(string key, Func<TypeformAnswer, bool>? byDefault, params string[] hiddenNames)
        {
            if (fieldMap.TryGetValue(key, out var mapped) && !string.IsNullOrWhiteSpace(mapped))
            {
                return answers.FirstOrDefault(a => a.Value is not null && string.Equals(a.Ref, mapped, StringComparison.Ordinal))?.Value
                    ?? Hidden(hidden, mapped);
            }
            return (byDefault is null ? null : answers.FirstOrDefault(a => a.Value is not null && byDefault(a))?.Value)
                ?? hiddenNames.Select(name => Hidden(hidden, name)).FirstOrDefault(v => v is not null);
        }

        var recordId = Field("id", null);
        var email = EmailAddress.Normalise(Field("email", a => a.AnswerType == "email", "email"));
        if (recordId is null && email is null)
        {
            return null;
        }
        return new PersonTraits(
            recordId,
            eventTime,
            email,
            Field("first_name", a => Hints(a, FirstNameHints), "first_name"),
            Field("last_name", a => Hints(a, LastNameHints), "last_name"),
            PhoneNumber.Normalise(Field("phone", a => a.AnswerType == "phone_number", "phone", "phone_number"), phoneRegion),
            Field("company", a => Hints(a, CompanyHints), "company"));
    }

    private static bool Hints(TypeformAnswer answer, string[] hints) =>
        answer.FieldType == ShortText
        && hints.Any(hint => answer.Ref?.Contains(hint, StringComparison.OrdinalIgnoreCase) == true
            || answer.Title?.Contains(hint, StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>A hidden field by exact name (hidden field names may contain dots, so no path syntax here).</summary>
    private static string? Hidden(JsonElement hidden, string name) =>
        hidden.ValueKind == JsonValueKind.Object
        && hidden.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;
}
