namespace Decrim.Policies;

/// <summary>
/// Enforcement practice, separate from the statute: what police are told to do or not to do (Norway's instruction
/// not to stop, search or arrest dependent people; benefit of the doubt on dependence).
/// </summary>
public sealed record PoliceInstruction(string Id, Instruction Instruction, Basis By, Condition When, Citation Citation, string? Note, SourcePosition Position);
