namespace RateMyModule.Framework.Localization;

/// <summary>
/// Marker of the kernel's shared texts (Save, Cancel, validation messages, framework errors). Every other resource
/// falls back to it, so a module never has to translate "Save" again.
/// </summary>
public sealed class FrameworkResource;
