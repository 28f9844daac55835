using System.Text.RegularExpressions;

namespace IntegrationHub.Infra.Tests.Template;

/// <summary>A role assignment in the compiled template: the built-in role's id, the expression of the resource it is
/// scoped to, who it is granted to (followed up into the parent template) and its condition, if any.</summary>
public sealed partial record RoleGrant(string RoleDefinitionId, string Scope, string Principal, string? Condition)
{
    public static IReadOnlyList<RoleGrant> All(CompiledTemplate template) =>
        [.. template.OfType("Microsoft.Authorization/roleAssignments").Select(From)];

    private static RoleGrant From(TemplateResource assignment)
    {
        var definition = ArmExpression.Expand(assignment.Properties?["roleDefinitionId"], assignment.Scope);
        var role = Guid().Matches(definition).Select(m => m.Value.ToLowerInvariant()).Distinct().Single();
        return new RoleGrant(
            role,
            assignment.Node["scope"]?.GetValue<string>() ?? "(deployment scope)",
            ArmExpression.Text(ArmExpression.Resolve(assignment.Properties?["principalId"], assignment.Scope, useDefaults: false)),
            assignment.Node["condition"]?.GetValue<string>());
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
