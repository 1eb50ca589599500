using System.Linq;
using Ebpf.Compiler.IR;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>
    /// Network-order header properties whose raw field is not named after them (ICMP, ICMPv6), and computed properties of the DSL's <c>Ipv4Header</c> (their managed implementations live in Ebpf.Dsl, which the
    /// compiler reads only as metadata): the same bit arithmetic on <c>VersionAndIhl</c> and the host-order
    /// <c>FlagsAndFragmentOffset</c> (reserved 0x8000, DF 0x4000, MF 0x2000, offset 0x1fff, RFC 791).
    /// </summary>
    internal sealed partial class BodyLowering
    {
        private const int ReservedFlag = 0x8000;
        private const int DontFragmentFlag = 0x4000;
        private const int MoreFragmentsFlag = 0x2000;
        private const int OffsetMask = 0x1fff;
        private const string IcmpHeaderName = "Ebpf.Dsl.Packets.IcmpHeader";

        private LoweredValue? Ipv4Property(IPropertyReferenceOperation reference, LoweredValue instance)
        {
            IPropertySymbol property = reference.Property;
            if (instance.Kind != LoweredValueKind.Address || DslNames.Of(property.ContainingType) != "Ebpf.Dsl.Packets.Ipv4Header")
            {
                return null;
            }

            INamedTypeSymbol header = property.ContainingType;
            switch (property.Name)
            {
                case "Version":
                    return Int(f.ShiftRight(VersionAndIhl(header, instance), IrFunctionBuilder.I32(4), false), property);
                case "Ihl":
                    return Int(f.And(VersionAndIhl(header, instance), IrFunctionBuilder.I32(0x0f)), property);
                case "HeaderLength":
                    return Int(f.ShiftLeft(f.And(VersionAndIhl(header, instance), IrFunctionBuilder.I32(0x0f)), IrFunctionBuilder.I32(2)), property);
                case "HasOptions":
                    return Int(f.Compare(Ebpf.Compiler.IR.Condition.UnsignedGreater, f.And(VersionAndIhl(header, instance), IrFunctionBuilder.I32(0x0f)), IrFunctionBuilder.I32(5)), property);
                case "EvilBit":
                    return Int(f.Compare(Ebpf.Compiler.IR.Condition.NotEqual, Flags(header, instance, ReservedFlag), IrFunctionBuilder.I32(0)), property);
                case "DontFragment":
                    return Int(f.Compare(Ebpf.Compiler.IR.Condition.NotEqual, Flags(header, instance, DontFragmentFlag), IrFunctionBuilder.I32(0)), property);
                case "MoreFragments":
                    return Int(f.Compare(Ebpf.Compiler.IR.Condition.NotEqual, Flags(header, instance, MoreFragmentsFlag), IrFunctionBuilder.I32(0)), property);
                case "FragmentOffset":
                    return Int(Flags(header, instance, OffsetMask), property);
                case "IsFragment":
                    return Int(f.Compare(Ebpf.Compiler.IR.Condition.NotEqual, Flags(header, instance, MoreFragmentsFlag | OffsetMask), IrFunctionBuilder.I32(0)), property);
                case "IsFirstFragment":
                    return Int(f.Compare(Ebpf.Compiler.IR.Condition.Equal, Flags(header, instance, MoreFragmentsFlag | OffsetMask), IrFunctionBuilder.I32(MoreFragmentsFlag)), property);
                default:
                    return null;
            }
        }

        /// <summary>
        /// Network-order properties whose raw field is not <c>_camelName</c>: the field and the byte offset in it
        /// (ICMP's next-hop MTU is the second word of the rest of the header; ICMPv6's identifier and sequence are the two
        /// words of <c>_data</c>); null for the others.
        /// </summary>
        private static (string Field, int Delta)? HeaderFieldAlias(IPropertySymbol property)
        {
            switch (DslNames.Of(property.ContainingType) + "." + property.Name)
            {
                case IcmpHeaderName + ".NextHopMtu": return ("_sequence", 0);
                case "Ebpf.Dsl.Packets.Icmpv6Header.Identifier": return ("_data", 0);
                case "Ebpf.Dsl.Packets.Icmpv6Header.Sequence": return ("_data", 2);
                default: return null;
            }
        }

        /// <summary>Stores the DSL setter makes besides the field itself: <c>IcmpHeader.NextHopMtu</c> zeroes the unused word.</summary>
        private void HeaderSetterSideEffects(LoweredValue property)
        {
            if (property.Method is { AssociatedSymbol: IPropertySymbol { Name: "NextHopMtu" } setter } && DslNames.Of(setter.ContainingType) == IcmpHeaderName &&
                RawField(setter.ContainingType, "_identifier") is IFieldSymbol unused && RawField(setter.ContainingType, "_sequence") is IFieldSymbol mtu &&
                Layout(setter.ContainingType) is TypeLayout layout)
            {
                int start = property.Offset - layout.OffsetOf(mtu);
                f.Store(property.Value!, start + layout.OffsetOf(unused), IrFunctionBuilder.Constant(IrType.I16, 0), 16);
            }
        }

        private static IFieldSymbol? RawField(INamedTypeSymbol type, string name) =>
            type.GetMembers(name).OfType<IFieldSymbol>().FirstOrDefault(field => !field.IsStatic);

        /// <summary><c>Ipv6Header.Version</c>, <c>TrafficClass</c>, <c>FlowLabel</c>: bits of the host-order <c>VersionClassFlow</c>.</summary>
        private LoweredValue? Ipv6Property(IPropertyReferenceOperation reference, LoweredValue instance)
        {
            IPropertySymbol property = reference.Property;
            if (instance.Kind != LoweredValueKind.Address || DslNames.Of(property.ContainingType) != "Ebpf.Dsl.Packets.Ipv6Header" ||
                !(property.Name == "Version" || property.Name == "TrafficClass" || property.Name == "FlowLabel") ||
                property.ContainingType.GetMembers("VersionClassFlow").OfType<IPropertySymbol>().FirstOrDefault() is not IPropertySymbol whole ||
                NetworkOrderField(whole, instance) is not LoweredValue field)
            {
                return null;
            }

            if (property.Name == "Version")
            {
                // The version is the high nibble of the first byte.
                IrValue first = Resize(f.Load(IrType.I8, field.Value!, field.Offset, 8), false, IrType.I32);
                return Int(f.ShiftRight(first, IrFunctionBuilder.I32(4), false), property);
            }

            IrValue host = f.Unary(UnaryOperation.ByteSwap, Read(field).Value!);
            return property.Name == "TrafficClass"
                ? Int(f.And(f.ShiftRight(host, IrFunctionBuilder.I32(20), false), IrFunctionBuilder.I32(0xff)), property)
                : Int(f.And(host, IrFunctionBuilder.I32(0xfffff)), property);
        }

        private static LoweredValue Int(IrValue value, IPropertySymbol property) => LoweredValue.Scalar(value, property.Type);

        private IrValue VersionAndIhl(INamedTypeSymbol header, LoweredValue instance)
        {
            IFieldSymbol field = header.GetMembers("VersionAndIhl").OfType<IFieldSymbol>().Single();
            IrValue raw = f.Load(IrType.I8, instance.Value!, instance.Offset + Layout(header)!.OffsetOf(field), 8);
            return Resize(raw, false, IrType.I32);
        }

        private IrValue Flags(INamedTypeSymbol header, LoweredValue instance, int mask)
        {
            IPropertySymbol flags = header.GetMembers("FlagsAndFragmentOffset").OfType<IPropertySymbol>().Single();
            LoweredValue field = NetworkOrderField(flags, instance)!;
            IrValue host = f.Unary(UnaryOperation.ByteSwap, Read(field).Value!);
            return f.And(Resize(host, false, IrType.I32), IrFunctionBuilder.I32(mask));
        }
    }
}
