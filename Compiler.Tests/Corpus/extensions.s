; Forms llvm-mc cannot express: symbolic map and program references, pc-relative and kfunc calls,
; LD_IND with an offset, LD_IMM64 pseudo constants with a high half, and ';' / '//' comments.
; Compiler.Tests/AssemblerExtensionTests checks the instructions and relocations they produce.
entry:
    r1 = map[events] ll                 ; MapFd relocation, src = 1
    r2 = map_value[config] + 8 ll       // MapValue relocation with addend 8, src = 2
    r3 = map_value[config] ll           # addend 0
    r4 = counters ll                    ; plain llvm spelling: not a label, so a map fd
    r5 = slot[next_stage]               ; mov with a ProgramSlot relocation (tail calls)
    w6 = slot[other_stage]
    r7 = callback ll                    ; a label: BPF_PSEUDO_FUNC, offset to the callback
    call pc+2                           ; BPF-to-BPF call spelled the way the verifier prints it
    call kfunc 12345                    ; kernel function by BTF id
    r0 = *(u16 *)skb[r6 + 14]           ; LD_IND with an immediate
    ld_pseudo r1, 2, 0x800000003        ; map value fd 3 with offset 8 in the second slot
    r2 = map_value[config] - 4 ll
    .quad 0x0000000100000095            ; raw slot: exit with a stray immediate
    exit
callback:
    r0 = 0
    exit
