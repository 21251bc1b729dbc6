import UploadIcon from '@mui/icons-material/Upload'
import { lazy, Suspense, useState } from 'react'
import { Button } from 'react-admin'

const ImportDialog = lazy(() => import('./ImportDialog.tsx'))

export default function ImportButton() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button label="hub.import.button" onClick={() => setOpen(true)}>
        <UploadIcon />
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <ImportDialog onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  )
}
