namespace Oversight.Web.Pages.Units;

/// <summary>One level of the tree as the partial renders it; <c>Parent</c> is the unit that closing a node opens instead.</summary>
public sealed record TreeLevel(IReadOnlyList<TreeNode> Nodes, DateOnly AsOf, string? Parent);
