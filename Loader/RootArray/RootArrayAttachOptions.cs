using System;
using Ebpf.Loader.Links;

namespace Ebpf.Loader.RootArray
{
    /// <summary>How <see cref="XdpRootArray.Attach"/> attaches a root array.</summary>
    public sealed record RootArrayAttachOptions
    {
        /// <summary>The defaults: kernel's choice of mode, 8 slots, no --force, the assembly root.</summary>
        public static RootArrayAttachOptions Default { get; } = new RootArrayAttachOptions();

        /// <summary>The default number of slots.</summary>
        public const int DefaultSlots = 8;

        /// <summary>Native, generic, or <see cref="XdpMode.Default"/> (native when the driver has it).</summary>
        public XdpMode Mode { get; init; } = XdpMode.Default;

        /// <summary>The number of slots (1..<see cref="RootArrayImage.MaxSlots"/>).</summary>
        public int Slots { get; init; } = DefaultSlots;

        /// <summary>Replace another XDP program attached to the interface instead of refusing.</summary>
        public bool Force { get; init; }

        /// <summary>
        /// Builds the root array image for a slot count: by default the DSL root (Programs/RootArray/XdpRoot.cs) linked by
        /// <see cref="RootProgramLinker.Build(int)"/>; <see cref="XdpRootAssembly.Build"/> is the assembly oracle.
        /// </summary>
        public Func<int, RootArrayImage> Image { get; init; } = RootProgramLinker.Build;

        /// <summary>Called after each stage of an attach; tests throw from it to check that a failure leaves nothing behind.</summary>
        internal Action<RootArrayAttachStage>? AfterStage { get; init; }
    }
}
