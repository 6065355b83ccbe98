#!/bin/sh
# Checks that the release binary (build/siaran, or $1) keeps its hardening, so that a change to
# the Makefile that drops it fails `make test`:
#   - every compile of src/ has -Wall -Wextra -Werror, -D_FORTIFY_SOURCE=2, -O2, -fPIE and
#     -fstack-protector-strong, and the link has -pie and -z relro -z now (from `make -n`);
#   - the ELF file is position-independent (type DYN, FLAGS_1 PIE), has full RELRO (a GNU_RELRO
#     segment and BIND_NOW), a non-executable stack, and calls __stack_chk_fail and the
#     _FORTIFY_SOURCE checking functions (__*_chk);
#   - every compilation unit from src/ records -fstack-protector-strong and -fPIE (DWARF producer).
set -u
cd "$(dirname "$0")/../.."
bin="${1:-build/siaran}"
fail=0
bad() {
	echo "hardening: $*" >&2
	fail=1
}

if [ ! -x "$bin" ]; then
	echo "hardening: $bin is missing (make build/siaran)" >&2
	exit 1
fi

# The flags the Makefile uses, per command (-B prints every command without running any).
cmds=$(make -n -B --no-print-directory build/siaran 2>/dev/null)
ncompile=0
for src in $(find src -name '*.c' -o -name '*.cc' | sort); do
	line=$(printf '%s\n' "$cmds" | grep -E -- "-c $src( |$)" | head -n 1)
	if [ -z "$line" ]; then
		bad "no compile command for $src in 'make -n build/siaran'"
		continue
	fi
	ncompile=$((ncompile + 1))
	for flag in -Wall -Wextra -Werror -D_FORTIFY_SOURCE=2 -O2 -fPIE -fstack-protector-strong; do
		case " $line " in
		*" $flag "*) ;;
		*) bad "$src is compiled without $flag" ;;
		esac
	done
done
link=$(printf '%s\n' "$cmds" | grep -E -- "-o $bin( |$)" | tail -n 1)
case " $link " in
*" -pie "*) ;;
*) bad "the link has no -pie" ;;
esac
case "$link" in
*-z,relro*-z,now* | *"-z relro"*"-z now"*) ;;
*) bad "the link has no -z relro -z now" ;;
esac

readelf -hW "$bin" | grep -q 'Type:[[:space:]]*DYN' || bad "$bin is not position-independent (ELF type is not DYN)"
dyn=$(readelf -dW "$bin")
printf '%s\n' "$dyn" | grep -q '(FLAGS)[[:space:]]*BIND_NOW' || bad "no BIND_NOW in FLAGS (partial RELRO only)"
printf '%s\n' "$dyn" | grep -q '(FLAGS_1).*NOW.*PIE' || bad "FLAGS_1 lacks NOW PIE"
segs=$(readelf -lW "$bin")
printf '%s\n' "$segs" | grep -q 'GNU_RELRO' || bad "no GNU_RELRO segment"
printf '%s\n' "$segs" | grep 'GNU_STACK' | grep -q 'RWE' && bad "the stack is executable"
syms=$(readelf --dyn-syms -W "$bin")
printf '%s\n' "$syms" | grep -q '__stack_chk_fail' || bad "no __stack_chk_fail: no stack protector"
nchk=$(printf '%s\n' "$syms" | grep -oE '__[a-z0-9_]+_chk' | grep -v '^__stack_chk' | sort -u | wc -l)
[ "$nchk" -ge 3 ] || bad "only $nchk _FORTIFY_SOURCE checking functions (__*_chk) are used"

# Per compilation unit: the flags GCC recorded in DW_AT_producer.
units=$(readelf --debug-dump=info "$bin" 2>/dev/null | awk '
	/DW_TAG_compile_unit/ { cu = 1; name = ""; prod = ""; next }
	cu && /DW_AT_producer/ { prod = $0 }
	cu && /DW_AT_name/ { sub(/.*: /, ""); name = $0 }
	cu && name != "" && prod != "" { print name "\t" prod; cu = 0 }')
nunits=0
for src in $(find src -name '*.c' -o -name '*.cc' | sort); do
	prod=$(printf '%s\n' "$units" | awk -F '\t' -v s="$src" '$1 == s { print $2; exit }')
	if [ -z "$prod" ]; then
		bad "$src: no debug information in $bin"
		continue
	fi
	nunits=$((nunits + 1))
	for flag in -fstack-protector-strong -fPIE -O2; do
		case "$prod " in
		*" $flag "*) ;;
		*) bad "$src was built without $flag (DW_AT_producer)" ;;
		esac
	done
done

if [ "$fail" -ne 0 ]; then
	echo "hardening: FAILED" >&2
	exit 1
fi
echo "hardening: $ncompile compile commands, the link and $nunits compilation units checked;" \
	"PIE, full RELRO, BIND_NOW, NX stack, stack protector and $nchk fortified functions present"
