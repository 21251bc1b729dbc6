// Keyboard shortcuts that never fire while an input method is composing: with a Chinese IME, the
// keys typed to spell 拼音 (and the Enter or digits that pick a character) reach the page as key
// events marked `isComposing` (keyCode 229); a shortcut must leave them to the IME.
import { Dialog, DialogContent, DialogTitle, Table, TableBody, TableCell, TableRow } from '@mui/material'
import { useState } from 'react'
import { useTranslate } from 'react-admin'
import { type Options, useHotkeys } from 'react-hotkeys-hook'

/** Whether a key event belongs to an input method's composition. */
export const isComposing = (event: KeyboardEvent) => event.isComposing || event.keyCode === 229

/** A shortcut (react-hotkeys-hook's key syntax) that ignores composition. */
export function useShortcut(keys: string, callback: (event: KeyboardEvent) => void, options: Options = {}) {
  return useHotkeys(
    keys,
    (event) => {
      event.preventDefault()
      callback(event)
    },
    { ...options, ignoreEventWhen: isComposing, preventDefault: false },
    [callback],
  )
}

/** The shortcuts and what they do, as the help lists them. */
export const SHORTCUTS = [
  { keys: '/', label: 'hub.shortcuts.search' },
  { keys: 'N', label: 'hub.shortcuts.create' },
  { keys: 'E', label: 'hub.shortcuts.edit' },
  { keys: 'Ctrl + S', label: 'hub.shortcuts.save' },
  { keys: '?', label: 'hub.shortcuts.help' },
] as const

/** "?" shows the shortcuts. */
export function ShortcutHelp() {
  const translate = useTranslate()
  const [open, setOpen] = useState(false)
  useShortcut('shift+slash', () => setOpen(true))
  return (
    <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="shortcuts-title">
      <DialogTitle id="shortcuts-title">{translate('hub.shortcuts.title')}</DialogTitle>
      <DialogContent>
        <Table size="small">
          <TableBody>
            {SHORTCUTS.map((shortcut) => (
              <TableRow key={shortcut.keys}>
                <TableCell>
                  <kbd>{shortcut.keys}</kbd>
                </TableCell>
                <TableCell>{translate(shortcut.label)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
    </Dialog>
  )
}
