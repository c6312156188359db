// The compiled models (scripts/compile-models.sh) import System.Reflection, whose Module type would hide the
// catalogue's own Module in them; an alias is looked up before imported namespaces, so it settles which one is meant.
global using Module = RateMyModule.Courses.Domain.Module;
