using System.Diagnostics;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace CoalitionBot.Tests.Suite;

/// Which tests start a process: a walk over the test assembly's IL, from each test method (and its
/// class's constructor, lifetime methods and fixtures) through every method of this assembly it
/// calls, creates a delegate to, or runs as an async state machine, looking for a call that starts
/// a process (<see cref="Process.Start()"/> in any form, or Playwright's driver).
internal static class ProcessStarts
{
    public const string Trait = "Category";
    public const string Value = "Process";

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// The test methods of <paramref name="assembly"/> that reach a process start.
    public static IReadOnlyList<MethodInfo> Tests(Assembly assembly) =>
        [.. TestMethods(assembly).Where(test => Roots(test).Any(Reaches))];

    public static IEnumerable<MethodInfo> TestMethods(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsPublic)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any());

    /// Whether the method or its class carries [Trait("Category", "Process")].
    public static bool HasTrait(MethodInfo test) =>
        HasTrait(test.GetCustomAttributesData()) || HasTrait(test.DeclaringType!.GetCustomAttributesData());

    /// Whether running <paramref name="root"/> can start a process.
    public static bool Reaches(MethodBase root)
    {
        var seen = new HashSet<MethodBase>();
        var pending = new Stack<MethodBase>([root]);
        while (pending.TryPop(out var method))
        {
            if (!seen.Add(method))
            {
                continue;
            }

            foreach (var callee in Callees(method))
            {
                if (StartsAProcess(callee))
                {
                    return true;
                }

                if (callee.Module == root.Module)
                {
                    pending.Push(callee);
                }
            }
        }

        return false;
    }

    /// What runs for one test: the method, its class's constructors and lifetime methods, and the
    /// fixtures of this assembly it receives or its collection declares.
    private static IEnumerable<MethodBase> Roots(MethodInfo test)
    {
        yield return test;
        var type = test.DeclaringType!;
        foreach (var method in Lifetime(type))
        {
            yield return method;
        }

        var fixtures = type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType)
            .Concat(type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IClassFixture<>)).Select(i => i.GetGenericArguments()[0]))
            .Concat(CollectionFixtures(type));
        foreach (var fixture in fixtures.Where(f => f.Assembly == type.Assembly).Distinct())
        {
            foreach (var method in Lifetime(fixture))
            {
                yield return method;
            }
        }
    }

    private static IEnumerable<MethodBase> Lifetime(Type type) =>
        type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Concat<MethodBase>(type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Where(m => m.Name is "InitializeAsync" or "DisposeAsync" or "Dispose" && m.DeclaringType == type));

    private static IEnumerable<Type> CollectionFixtures(Type test)
    {
        var name = test.GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(CollectionAttribute))
            .Select(a => a.ConstructorArguments[0].Value)
            .FirstOrDefault();
        if (name is null)
        {
            return [];
        }

        var definition = test.Assembly.GetTypes().FirstOrDefault(t => name is Type type
            ? t == type
            : t.GetCustomAttributesData().Any(a => a.AttributeType == typeof(CollectionDefinitionAttribute) && Equals(a.ConstructorArguments.FirstOrDefault().Value, name)));
        return definition is null
            ? []
            : definition.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionFixture<>)).Select(i => i.GetGenericArguments()[0]);
    }

    private static bool StartsAProcess(MethodBase method) =>
        (method.DeclaringType == typeof(Process) && method.Name == nameof(Process.Start))
        || (method.DeclaringType?.FullName == "Microsoft.Playwright.Playwright" && method.Name == "CreateAsync");

    private static bool HasTrait(IEnumerable<CustomAttributeData> attributes) =>
        attributes.Any(a => a.AttributeType == typeof(TraitAttribute)
            && a.ConstructorArguments.Count == 2
            && (string?)a.ConstructorArguments[0].Value == Trait
            && (string?)a.ConstructorArguments[1].Value == Value);

    /// The methods <paramref name="method"/>'s IL calls, constructs or takes a delegate to, plus the
    /// MoveNext of the async state machines it starts.
    private static IEnumerable<MethodBase> Callees(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException)
        {
            il = null;
        }

        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            var code = il[at] == 0xFE ? OpCodesByValue[unchecked((short)(0xFE00 | il[at + 1]))] : OpCodesByValue[il[at]];
            at += code.Size;
            if (code.OperandType == OperandType.InlineMethod)
            {
                var callee = Resolve(method.Module, BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                if (callee is not null)
                {
                    yield return callee;
                    foreach (var machine in callee.IsGenericMethod ? callee.GetGenericArguments() : [])
                    {
                        if (typeof(IAsyncStateMachine).IsAssignableFrom(machine)
                            && machine.GetMethod(nameof(IAsyncStateMachine.MoveNext), BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic) is { } moveNext)
                        {
                            yield return moveNext;
                        }
                    }
                }
            }

            at += OperandSize(code.OperandType, il, at);
        }
    }

    private static MethodBase? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMethod(token, typeArguments, methodArguments);
        }
        catch (Exception exception) when (exception is ArgumentException or TypeLoadException or FileNotFoundException or MissingMethodException)
        {
            return null;
        }
    }

    private static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
