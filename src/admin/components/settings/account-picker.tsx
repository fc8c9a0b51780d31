import { OptionSelect } from "../common/option-select"
import type { KaspiAccount } from "../../lib/types"

/** Which shop the settings below are for, where the plugin is configured with several. */
export function AccountPicker({ accounts, value, onChange }: { accounts: KaspiAccount[]; value: string | undefined; onChange: (id: string) => void }) {
  return (
    <div className="w-56">
      <OptionSelect size="small" value={value} onChange={onChange} options={accounts.map((a) => ({ value: a.id, label: `${a.name ?? a.id} · ${a.merchantId}` }))} />
    </div>
  )
}
