using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>The DSL's types by full metadata name (the compiler never loads Ebpf.Dsl; it reads symbols).</summary>
    internal static class DslNames
    {
        public const string Xdp = "Ebpf.Dsl.XdpAttribute";
        public const string XdpSlot = "Ebpf.Dsl.XdpSlotAttribute";
        public const string XdpRoot = "Ebpf.Dsl.XdpRootAttribute";
        public const string XdpAction = "Ebpf.Dsl.XdpAction";
        public const string RootVerdict = "Ebpf.Dsl.RootVerdict";
        public const string CgroupSkb = "Ebpf.Dsl.CgroupSkbAttribute";
        public const string SchedCls = "Ebpf.Dsl.SchedClsAttribute";
        public const string SocketFilter = "Ebpf.Dsl.SocketFilterAttribute";
        public const string License = "Ebpf.Dsl.LicenseAttribute";
        public const string HelperCall = "Ebpf.Dsl.HelperCallAttribute";
        public const string ManagedOnly = "Ebpf.Dsl.ManagedOnlyAttribute";
        public const string XdpContext = "Ebpf.Dsl.XdpContext";
        public const string SkBuffContext = "Ebpf.Dsl.SkBuffContext";
        public const string Packet = "Ebpf.Dsl.Packet";
        public const string PacketRef = "Ebpf.Dsl.PacketRef`1";
        public const string Bpf = "Ebpf.Dsl.Bpf";
        public const string Atomic = "Ebpf.Dsl.Atomic";
        public const string Net = "Ebpf.Dsl.Packets.Net";
        public const string MapValue = "Ebpf.Dsl.Maps.MapValue`1";
        public const string ArrayMap = "Ebpf.Dsl.Maps.ArrayMap`1";
        public const string PerCpuArrayMap = "Ebpf.Dsl.Maps.PerCpuArrayMap`1";
        public const string HashMap = "Ebpf.Dsl.Maps.HashMap`2";
        public const string PerCpuHashMap = "Ebpf.Dsl.Maps.PerCpuHashMap`2";
        public const string LruHashMap = "Ebpf.Dsl.Maps.LruHashMap`2";
        public const string LpmTrieMap = "Ebpf.Dsl.Maps.LpmTrieMap`2";
        public const string ProgramArrayMap = "Ebpf.Dsl.Maps.ProgramArrayMap`2";
        public const string RingBufferMap = "Ebpf.Dsl.Maps.RingBufferMap";
        public const string DeviceMap = "Ebpf.Dsl.Maps.DeviceMap";
        public const string LpmKey = "Ebpf.Dsl.Maps.LpmKey`1";
        public const string RingBufferRecord = "Ebpf.Dsl.Maps.RingBufferRecord`1";

        /// <summary>True for the DSL's nullable pointer objects that lower to a pointer register: map values and ring buffer records.</summary>
        public static bool IsNullablePointer(ITypeSymbol? type) => Of(type) == MapValue || Of(type) == RingBufferRecord;

        /// <summary>"Namespace.Name`arity" of the type's original definition, or "" for types without a name.</summary>
        public static string Of(ITypeSymbol? type)
        {
            if (type is null)
            {
                return "";
            }

            ITypeSymbol definition = type.OriginalDefinition;
            string ns = definition.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : "";
            return ns + definition.MetadataName;
        }

        /// <summary>True when the type is one of the DSL's map types.</summary>
        public static bool IsMap(ITypeSymbol? type)
        {
            switch (Of(type))
            {
                case ArrayMap:
                case PerCpuArrayMap:
                case HashMap:
                case PerCpuHashMap:
                case LruHashMap:
                case LpmTrieMap:
                case ProgramArrayMap:
                case RingBufferMap:
                case DeviceMap:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>The attribute of that full name on the symbol, or null.</summary>
        public static AttributeData? Attribute(ISymbol symbol, string name)
        {
            foreach (AttributeData attribute in symbol.GetAttributes())
            {
                if (Of(attribute.AttributeClass) == name)
                {
                    return attribute;
                }
            }

            return null;
        }
    }
}
