using System.Text.Json;

namespace IntegrationHub.Core.Connectors.Typeform;

/// <summary>One answer with what the form definition says about its question.</summary>
/// <param name="AnswerType">The answer's own type: <c>text</c>, <c>email</c>, <c>phone_number</c>, <c>choice</c>, …</param>
/// <param name="FieldType">The question's type: <c>short_text</c>, <c>email</c>, …</param>
/// <param name="Ref">The question's <c>ref</c> (from the answer, else from the definition).</param>
/// <param name="Title">The question as the form owner wrote it.</param>
/// <param name="Value">The answer as text; null for answers that are not text (booleans, files, payments…).</param>
internal sealed record TypeformAnswer(string? AnswerType, string? FieldType, string? Ref, string? Title, string? Value)
{
    /// <summary>Joins each answer to its question in <c>definition.fields</c>, including the sub-questions of groups
    /// and contact-info blocks (<c>properties.fields</c>).</summary>
    public static List<TypeformAnswer> ReadAll(JsonElement response)
    {
        var questions = new Dictionary<string, (string? Ref, string? Title)>(StringComparer.Ordinal);
        if (response.TryGetProperty("definition", out var definition) && definition.ValueKind == JsonValueKind.Object)
        {
            IndexFields(definition, questions);
        }
        var answers = new List<TypeformAnswer>();
        if (!response.TryGetProperty("answers", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return answers;
        }
        foreach (var answer in list.EnumerateArray())
        {
            if (answer.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            var id = FieldPath.Read(answer, "field.id");
            var question = id is not null && questions.TryGetValue(id, out var q) ? q : default;
            var answerType = FieldPath.Read(answer, "type");
            answers.Add(new TypeformAnswer(
                answerType,
                FieldPath.Read(answer, "field.type"),
                FieldPath.Read(answer, "field.ref") ?? question.Ref,
                question.Title,
                ValueOf(answer, answerType)));
        }
        return answers;
    }

    private static void IndexFields(JsonElement container, Dictionary<string, (string? Ref, string? Title)> questions)
    {
        if (!container.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Array)
        {
            return;
        }
        foreach (var field in fields.EnumerateArray())
        {
            if (field.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            if (FieldPath.Read(field, "id") is { } id)
            {
                questions.TryAdd(id, (FieldPath.Read(field, "ref"), FieldPath.Read(field, "title")));
            }
            if (field.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                IndexFields(properties, questions);
            }
        }
    }

    /// <summary>The value sits under a property named after the answer's type (<c>{"type":"email","email":…}</c>).</summary>
    private static string? ValueOf(JsonElement answer, string? answerType) =>
        answerType switch
        {
            null => null,
            "choice" => FieldPath.Read(answer, "choice.label") ?? FieldPath.Read(answer, "choice.other"),
            _ => answer.TryGetProperty(answerType, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? FieldPath.Read(answer, answerType)
                : null,
        };
}
