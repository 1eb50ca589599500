using System;
using System.Collections.Generic;
using Ebpf.Loader.Loading;

namespace Ebpf.Loader.Skeletons
{
    /// <summary>
    /// The base of every generated skeleton (<c>TailChainSkeleton</c> for a program class <c>TailChain</c>): owns the
    /// loaded collection and the views the skeleton created over its maps, and disposes them together.
    /// </summary>
    /// <remarks>
    /// A skeleton is generated into every compilation that references Ebpf.Loader and a program assembly (see
    /// docs/generator.md); it loads with <see cref="Collection.Load"/>, which also fills the PROG_ARRAYs that tail calls
    /// use. Keep the skeleton alive while programs run: PROG_ARRAY entries vanish with the array's last user reference.
    /// </remarks>
    public abstract class CollectionSkeleton : IDisposable
    {
        private readonly List<IDisposable> _owned = new();
        private bool _disposed;

        /// <summary>Takes ownership of <paramref name="loaded"/>.</summary>
        /// <param name="loaded">The loaded collection.</param>
        protected CollectionSkeleton(LoadedCollection loaded)
        {
            Loaded = loaded ?? throw new ArgumentNullException(nameof(loaded));
        }

        /// <summary>The maps and programs by name, as <see cref="Collection.Load"/> returned them.</summary>
        public LoadedCollection Loaded { get; }

        /// <summary>Closes the views the skeleton owns, then every map and program fd of the collection.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            for (int i = _owned.Count - 1; i >= 0; i--)
            {
                _owned[i].Dispose();
            }

            Loaded.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>Registers a view that holds resources of its own (a ring buffer's mapping) for <see cref="Dispose"/>.</summary>
        /// <typeparam name="T">The view type.</typeparam>
        /// <param name="view">The view.</param>
        /// <returns><paramref name="view"/>.</returns>
        protected T Own<T>(T view)
            where T : IDisposable
        {
            _owned.Add(view);
            return view;
        }
    }
}
